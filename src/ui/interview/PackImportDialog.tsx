import { useEffect, useRef, useState } from 'react';
import type { ImportChoice, ImportPlan } from '../../domain/pack/merge.ts';
import type { Pack } from '../../domain/pack/schema.ts';
import { importPlanned } from './packActions.ts';

const KIND_LABEL = { scenario: 'Scenario', design: 'Design', template: 'Template' } as const;

/** What a pack will add and what clashes with the library; each clash: keep both, replace or skip. */
export function PackImportDialog({ pack, plan, onClose }: { pack: Pack; plan: ImportPlan; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choices, setChoices] = useState<Record<number, ImportChoice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.showModal(), []);
  const choice = (i: number): ImportChoice => choices[i] ?? 'keep-both';
  return (
    <dialog ref={ref} className="dialog wide" onClose={onClose} aria-labelledby="pack-title">
      <h2 id="pack-title">Import “{pack.title}”</h2>
      <p className="muted small">
        {pack.author ? `By ${pack.author}. ` : ''}
        {plan.items.length} item(s), {plan.conflicts} already in your library. Packs are data only: nothing in them can run in the app.
      </p>
      <table className="est-table pack-plan">
        <thead><tr><th>Item</th><th>Status</th><th>On import</th></tr></thead>
        <tbody>
          {plan.items.map((item, i) => (
            <tr key={`${item.kind}:${item.key}`} data-pack-item={item.key}>
              <td><span className="tag">{KIND_LABEL[item.kind]}</span> {item.kind === 'scenario' ? item.value.title : item.key}</td>
              <td>{item.status === 'new' ? 'new' : <span className="warn-text">already exists</span>}</td>
              <td>
                {item.status === 'new' ? (
                  'add'
                ) : (
                  <select className="select" value={choice(i)} onChange={(e) => setChoices({ ...choices, [i]: e.target.value as ImportChoice })} aria-label={`On import: ${item.key}`}>
                    <option value="keep-both">Keep both (as “{item.fresh.key}”)</option>
                    <option value="replace">Replace mine</option>
                    <option value="skip">Skip</option>
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <div className="field-error" role="alert">{error}</div>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
        <button
          type="button"
          className="btn primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const problem = await importPlanned(pack, plan, (item) => (item.status === 'new' ? 'keep-both' : choice(plan.items.indexOf(item))));
            setBusy(false);
            if (problem) setError(problem);
            else ref.current?.close();
          }}
        >
          Import
        </button>
      </div>
    </dialog>
  );
}
