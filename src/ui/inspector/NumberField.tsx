import { useEffect, useId, useState } from 'react';
import { parseNumberInput } from '../../domain/design/validate.ts';
import { FieldLabel } from './FieldLabel.tsx';

interface Props {
  label: string;
  value: number | undefined;
  /** Shown when empty: the default that applies. */
  placeholder?: string;
  unit?: string;
  hint?: string;
  validate: (v: number) => string | null;
  onCommit: (v: number | undefined) => void;
  /** Empty input is allowed (falls back to the default). */
  optional?: boolean;
  testId?: string;
}

/** A number input that commits on Enter/blur, refuses bad values inline with the reason, and reverts on Escape. */
export function NumberField({ label, value, placeholder, unit, hint, validate, onCommit, optional = true, testId }: Props) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(value === undefined ? '' : String(value));
    setError(null);
  }, [value]);

  const commit = () => {
    const p = parseNumberInput(text);
    if (!p.ok) return setError(p.message);
    if (p.value === undefined) {
      if (!optional) return setError(`${label} is required`);
      setError(null);
      if (value !== undefined) onCommit(undefined);
      return;
    }
    const msg = validate(p.value);
    if (msg) return setError(msg);
    setError(null);
    if (p.value !== value) onCommit(p.value);
  };

  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} hint={hint} />
      <div className="field-control">
        <input
          id={id}
          className="input"
          inputMode="decimal"
          value={text}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          data-testid={testId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(value === undefined ? '' : String(value));
              setError(null);
            }
          }}
        />
        {unit && <span className="field-unit">{unit}</span>}
      </div>
      {error && (
        <div id={`${id}-err`} className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
