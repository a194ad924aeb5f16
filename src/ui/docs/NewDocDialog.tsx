import { useEffect, useRef, useState } from 'react';
import type { DocTemplate } from '../../domain/doc/template.ts';
import type { DesignSummary } from '../../storage/designsRepo.ts';
import { createDoc } from './docActions.ts';

/** Pick a template, a title and (optionally) the design whose diagram and numbers the doc shows. */
export function NewDocDialog({ templates, designs, initialDesignId, onClose }: { templates: DocTemplate[]; designs: DesignSummary[]; initialDesignId?: string | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [designId, setDesignId] = useState<string>(initialDesignId ?? designs[0]?.id ?? '');
  const design = designs.find((d) => d.id === designId);
  const [title, setTitle] = useState(design ? `${design.name}: design doc` : 'Untitled design doc');
  useEffect(() => ref.current?.showModal(), []);
  const template = templates.find((t) => t.id === templateId);
  return (
    <dialog ref={ref} className="dialog wide" onClose={onClose} aria-labelledby="newdoc-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!template || !title.trim()) return;
          void createDoc(template, title, designId || null);
          ref.current?.close();
        }}
      >
        <h2 id="newdoc-title">New design doc</h2>
        <fieldset className="template-choice">
          <legend className="small muted">Template</legend>
          {templates.map((t) => (
            <label key={t.id} className={`template-card${t.id === templateId ? ' on' : ''}`}>
              <input type="radio" name="template" value={t.id} checked={t.id === templateId} onChange={() => setTemplateId(t.id)} />
              <strong>{t.title}</strong>
              <span className="muted small">{t.description}</span>
              <span className="faint small">{t.sections.filter((s) => !s.heading.startsWith('#')).length} sections</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="small muted">Design shown in the doc</span>
          <select className="select" value={designId} onChange={(e) => setDesignId(e.target.value)} aria-label="Design shown in the doc">
            <option value="">None (no diagram or numbers)</option>
            {designs.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="small muted">Title</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Doc title" maxLength={200} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
          <button type="submit" className="btn primary" disabled={!template || !title.trim()}>Create</button>
        </div>
      </form>
    </dialog>
  );
}
