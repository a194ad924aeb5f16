import { useEffect, useMemo, useRef, useState } from 'react';
import { checkDoc } from '../../domain/doc/completeness.ts';
import { liveFenceInfo, type LiveBlockKind } from '../../domain/doc/liveKinds.ts';
import { outline } from '../../domain/doc/sections.ts';
import { docsRepo, designsRepo } from '../../state/services.ts';
import { closeDoc, openDoc, setDesignId, setMarkdown, setTitle, startDocAutosave, useDoc } from '../../state/docStore.ts';
import { loadTemplates, useTemplates } from '../../state/templateLibrary.ts';
import { useLive } from '../shared/useLive.ts';
import { Link } from '../app/Link.tsx';
import { ProblemPage } from '../shared/ProblemPage.tsx';
import { MarkdownEditor, type EditorHandle } from './editor/MarkdownEditor.tsx';
import { DocPreview } from './DocPreview.tsx';
import { DocOutline } from './DocOutline.tsx';
import { exportDocMarkdown } from './docActions.ts';
import { useDocDesign } from './useDocDesign.ts';
import { HistoryButton } from '../history/HistoryButton.tsx';
import './docs.css';

type Load = { kind: 'loading' } | { kind: 'ready' } | { kind: 'problem'; title: string; text: string };

const BLOCKS: { kind: LiveBlockKind; label: string }[] = [
  { kind: 'diagram', label: 'Diagram (Mermaid)' },
  { kind: 'capacity', label: 'Capacity table' },
  { kind: 'latency-budget', label: 'Latency budget table' },
];

const SAVE_TEXT = { saved: 'Saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved' } as const;

/** /doc/:id — source on the left, live preview on the right, outline and checks beside them. */
export default function DocEditorPage({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    startDocAutosave();
    void loadTemplates();
    docsRepo()
      .get(id)
      .then((e) => {
        if (cancelled) return;
        if (!e) return setLoad({ kind: 'problem', title: 'Doc not found', text: 'It may have been deleted, or it was saved in another browser profile.' });
        if (!e.doc) return setLoad({ kind: 'problem', title: 'This doc cannot be opened', text: e.problem ?? 'It does not validate.' });
        openDoc(e.doc);
        setLoad({ kind: 'ready' });
      })
      .catch((err: unknown) => !cancelled && setLoad({ kind: 'problem', title: 'This doc cannot be opened', text: err instanceof Error ? err.message : String(err) }));
    return () => {
      cancelled = true;
      void closeDoc();
    };
  }, [id]);
  if (load.kind === 'problem') {
    return <ProblemPage title={load.title} text={load.text} backHref="/docs" backLabel="Back to docs" />;
  }
  return load.kind === 'ready' ? <DocEditor /> : <div className="page muted" role="status">Opening doc…</div>;
}

function DocEditor() {
  const doc = useDoc((s) => s.doc)!;
  const saveStatus = useDoc((s) => s.saveStatus);
  const templates = useTemplates((s) => s.templates);
  const template = templates.find((t) => t.id === doc.templateId);
  const attached = useDocDesign(doc.designId);
  const ctx = attached.status === 'ready' ? attached.ctx : null;
  const { value: designs } = useLive(() => designsRepo().list(), []);
  const editor = useRef<EditorHandle>(null);
  const insertRef = useRef<HTMLDetailsElement>(null);
  const exportRef = useRef<HTMLDetailsElement>(null);
  const entries = useMemo(() => outline(doc.markdown), [doc.markdown]);
  const findings = useMemo(() => (template ? checkDoc(doc.markdown, template, ctx ? { design: ctx.design, estimate: ctx.estimate } : undefined) : []), [doc.markdown, template, ctx]);
  const [title, setTitleDraft] = useState(doc.title);

  return (
    <div className="doc-page">
      <div className="toolbar doc-toolbar" role="toolbar" aria-label="Doc tools">
        <input className="input doc-title" value={title} onChange={(e) => setTitleDraft(e.target.value)} onBlur={() => setTitle(title)} aria-label="Doc title" maxLength={200} />
        <span className={`save-status ${saveStatus}`} data-testid="doc-save-status">{SAVE_TEXT[saveStatus]}</span>
        <span className="muted small">{template?.title ?? doc.templateId}</span>
        <div className="toolbar-spacer" />
        <label className="small muted doc-design-pick">
          Design{' '}
          <select className="select" value={doc.designId ?? ''} onChange={(e) => setDesignId(e.target.value || null)} aria-label="Design shown in the doc">
            <option value="">None</option>
            {(designs ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        {doc.designId && <Link className="btn ghost small" href={`/design/${encodeURIComponent(doc.designId)}`}>Open design</Link>}
        <details className="menu" ref={insertRef}>
          <summary className="btn">Insert ▾</summary>
          <div className="menu-list" role="menu" aria-label="Insert">
            {BLOCKS.map((b) => (
              <button
                key={b.kind}
                type="button"
                role="menuitem"
                onClick={() => {
                  insertRef.current!.open = false;
                  editor.current?.insertBlock(`\`\`\`${liveFenceInfo(b.kind)}\n\`\`\``);
                }}
              >
                {b.label}
              </button>
            ))}
          </div>
        </details>
        <HistoryButton kind="doc" targetId={doc.id} className="btn" />
        <details className="menu" ref={exportRef}>
          <summary className="btn">Export ▾</summary>
          <div className="menu-list" role="menu" aria-label="Export doc">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                exportRef.current!.open = false;
                exportDocMarkdown(doc, ctx);
              }}
            >
              Markdown (numbers frozen)
            </button>
          </div>
        </details>
      </div>
      {attached.status === 'missing' && <div className="doc-banner warn" role="status">The attached design was deleted: live blocks show a note until you pick another.</div>}
      {attached.status === 'invalid' && <div className="doc-banner warn" role="status">The attached design cannot be read: {attached.message}</div>}
      <div className="doc-body">
        <DocOutline entries={entries} findings={findings} onGo={(line) => editor.current?.goToLine(line)} />
        <div className="doc-source">
          <MarkdownEditor value={doc.markdown} onChange={setMarkdown} handle={editor} label="Doc source (Markdown)" />
        </div>
        <div className="doc-render">
          <DocPreview markdown={doc.markdown} ctx={ctx} />
        </div>
      </div>
    </div>
  );
}
