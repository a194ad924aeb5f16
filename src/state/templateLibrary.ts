import { create } from 'zustand';
import { liveQuery } from 'dexie';
import { parseTemplate, type DocTemplate } from '../domain/doc/template.ts';
import { getDb } from '../storage/db.ts';

// Templates are Markdown files bundled as text, loaded when the Docs page first needs them.
const FILES = import.meta.glob<string>('../../templates/*.md', { query: '?raw', import: 'default' });

interface TemplateLibraryState {
  status: 'idle' | 'loading' | 'ready';
  templates: DocTemplate[];
  /** Ids of the templates shipped with the app (packs add beside them, never silently over them). */
  bundledIds: string[];
  problems: { file: string; message: string }[];
}

export const useTemplates = create<TemplateLibraryState>(() => ({ status: 'idle', templates: [], bundledIds: [], problems: [] }));

/** The capstone first, the rest by title. */
const ORDER = ['capstone', 'one-page-brief', 'google-design-doc', 'launch-review'];

let loading: Promise<void> | null = null;

/** Bundled templates once, and the ones imported from packs as they change (a pack's copy wins on the same id). */
export function loadTemplates(): Promise<void> {
  loading ??= (async () => {
    useTemplates.setState({ status: 'loading' });
    const files = Object.entries(FILES).filter(([path]) => !path.endsWith('/README.md'));
    const bundled = await Promise.all(files.map(async ([path, load]) => ({ file: path.split('/').pop()!, r: parseTemplate(await load()) })));
    const publish = (stored: { file: string; r: ReturnType<typeof parseTemplate> }[]) => {
      const read = [...bundled, ...stored];
      const byId = new Map<string, DocTemplate>();
      for (const x of read) if (x.r.ok) byId.set(x.r.template.id, x.r.template);
      const templates = [...byId.values()].sort((a, b) => (ORDER.indexOf(a.id) + 1 || 99) - (ORDER.indexOf(b.id) + 1 || 99) || a.title.localeCompare(b.title));
      const problems = read.flatMap((x) => (x.r.ok ? [] : [{ file: x.file, message: `line ${x.r.line}: ${x.r.message}` }]));
      const bundledIds = bundled.flatMap((x) => (x.r.ok ? [x.r.template.id] : []));
      useTemplates.setState({ status: 'ready', templates, bundledIds, problems });
    };
    await new Promise<void>((resolve) => {
      liveQuery(() => getDb().templates.toArray()).subscribe({
        next: (rows) => {
          publish(rows.map((r) => ({ file: `imported template "${r.id}"`, r: parseTemplate(r.text) })));
          resolve();
        },
        error: () => {
          publish([]);
          resolve();
        },
      });
    });
  })();
  return loading;
}
