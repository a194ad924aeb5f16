import { useState, type Ref } from 'react';
import { MAX_VERSION_NAME } from '../../domain/history/format.ts';

/** "Save version": a name, then Enter. The name is required: it is what makes the version worth keeping. */
export function SaveVersionForm({ onSave, inputRef, disabled }: { onSave: (name: string) => Promise<boolean>; inputRef: Ref<HTMLInputElement>; disabled: boolean }) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = name.trim();
  const error = trimmed === '' ? 'Give the version a name.' : trimmed.length > MAX_VERSION_NAME ? `At most ${MAX_VERSION_NAME} characters.` : null;
  return (
    <form
      className="history-save"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (error || disabled) return;
        void onSave(trimmed).then((ok) => {
          if (!ok) return;
          setName('');
          setTouched(false);
        });
      }}
    >
      <input
        ref={inputRef}
        className="input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Name this version, e.g. Before the review"
        aria-label="Version name"
        aria-invalid={touched && error ? true : undefined}
        aria-describedby={touched && error ? 'save-version-error' : undefined}
        maxLength={MAX_VERSION_NAME + 20}
      />
      <button type="submit" className="btn primary" disabled={disabled}>Save version</button>
      {touched && error && <span id="save-version-error" className="field-error" role="alert">{error}</span>}
    </form>
  );
}
