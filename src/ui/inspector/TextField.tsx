import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  placeholder?: string;
  validate?: (v: string) => string | null;
  onCommit: (v: string) => void;
  testId?: string;
}

export function TextField({ label, value, placeholder, validate, onCommit, testId }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(value);
    setError(null);
  }, [value]);
  const commit = () => {
    const msg = validate?.(text) ?? null;
    setError(msg);
    if (!msg && text !== value) onCommit(text);
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{label}</label>
      <input
        id={id}
        className="input"
        value={text}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value);
        }}
      />
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}
