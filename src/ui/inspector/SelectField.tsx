import { useId } from 'react';
import { FieldLabel } from './FieldLabel.tsx';

interface Props {
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  /** Label of the empty choice: what applies when nothing is chosen. */
  defaultLabel: string;
  hint?: string;
  onChange: (v: string | undefined) => void;
  testId?: string;
}

export function SelectField({ label, value, options, defaultLabel, hint, onChange, testId }: Props) {
  const id = useId();
  const known = value === undefined || options.some((o) => o.value === value);
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} hint={hint} />
      <select id={id} className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
        <option value="">{defaultLabel}</option>
        {!known && <option value={value}>{value} (unknown)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
