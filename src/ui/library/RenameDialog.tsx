import { useEffect, useRef, useState } from 'react';

export function RenameDialog({ name, onSubmit, onClose }: { name: string; onSubmit: (name: string) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(name);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const trimmed = value.trim();
  const error = trimmed === '' ? 'A name is required.' : trimmed.length > 200 ? 'At most 200 characters.' : null;
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="rename-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (error) return;
          onSubmit(trimmed);
          ref.current?.close();
        }}
      >
        <h2 id="rename-title">Rename design</h2>
        <input className="input" style={{ width: '100%' }} value={value} onChange={(e) => setValue(e.target.value)} aria-label="Design name" aria-invalid={error ? true : undefined} autoFocus />
        {error && <div className="field-error" role="alert">{error}</div>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
          <button type="submit" className="btn primary" disabled={!!error}>Rename</button>
        </div>
      </form>
    </dialog>
  );
}
