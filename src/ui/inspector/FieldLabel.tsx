/** A field's label, with an ℹ that shows where its default comes from. */
export function FieldLabel({ htmlFor, label, hint }: { htmlFor: string; label: string; hint?: string | undefined }) {
  return (
    <label htmlFor={htmlFor} className="field-label">
      {label}
      {hint && <span className="field-hint" title={hint} aria-label={`Source: ${hint}`}>ℹ</span>}
    </label>
  );
}
