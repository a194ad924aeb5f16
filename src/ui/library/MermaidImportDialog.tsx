import { useEffect, useRef, useState } from 'react';
import { importMermaidText } from '../workspace/mermaidActions.ts';
import { pickFile, readFileText } from '../shared/files.ts';

const EXAMPLE = `flowchart LR
  U[Users] --> G[API gateway]
  G --> R[(Redis cache)]
  R -->|20% miss| M[Triton model server]
  G -.-> L[Prediction log]`;

/** Paste (or open) a Mermaid flowchart and turn it into a design on the canvas. */
export function MermaidImportDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.showModal(), []);
  const submit = async () => {
    setBusy(true);
    const problem = await importMermaidText(text);
    setBusy(false);
    if (problem) setError(problem);
    else ref.current?.close();
  };
  return (
    <dialog ref={ref} className="dialog wide" onClose={onClose} aria-labelledby="mmd-title">
      <h2 id="mmd-title">Import a Mermaid flowchart</h2>
      <p className="muted small">Paste a <code>flowchart</code> or <code>graph</code> (subgraphs, labels, every arrow and shape). Labels such as “Kafka”, “Redis” or “Triton” become catalog components.</p>
      <textarea className="input code-input" rows={12} value={text} onChange={(e) => { setText(e.target.value); setError(null); }} placeholder={EXAMPLE} aria-label="Mermaid text" spellCheck={false} />
      {error && <div className="field-error" role="alert">{error}</div>}
      <div className="dialog-actions">
        <button
          type="button"
          className="btn ghost"
          onClick={async () => {
            const f = await pickFile('.mmd,.mermaid,.md,.txt,text/plain');
            if (!f) return;
            const read = await readFileText(f);
            if (read.ok) setText(read.text);
            else setError(read.message);
          }}
        >
          Open a file…
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
        <button type="button" className="btn primary" disabled={!text.trim() || busy} onClick={() => void submit()}>Import</button>
      </div>
    </dialog>
  );
}
