import { readDesign } from '../domain/design/format.ts';
import type { Design } from '../domain/design/schema.ts';
import type { ReadResult } from '../domain/versioning/readVersioned.ts';
import type { DesignRecord, StudioDb, Viewport } from './db.ts';
import { newId } from './ids.ts';

export interface DesignSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  edgeCount: number;
  /** Set when the stored content no longer validates; the record is kept, never dropped. */
  problem?: string;
}

export type LoadedDesign = { record: DesignRecord; result: ReadResult<Design> };

function count(design: unknown, key: 'nodes' | 'edges'): number {
  const v = (design as Record<string, unknown> | null)?.[key];
  return Array.isArray(v) ? v.length : 0;
}

export function summarize(r: DesignRecord): DesignSummary {
  const s: DesignSummary = { id: r.id, name: r.name, createdAt: r.createdAt, updatedAt: r.updatedAt, nodeCount: count(r.design, 'nodes'), edgeCount: count(r.design, 'edges') };
  const check = readDesign(r.design);
  if (!check.ok) s.problem = check.message;
  return s;
}

export class DesignsRepo {
  constructor(
    private readonly db: StudioDb,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<DesignSummary[]> {
    const records = await this.db.designs.orderBy('updatedAt').reverse().toArray();
    return records.map(summarize);
  }

  async load(id: string): Promise<LoadedDesign | undefined> {
    const record = await this.db.designs.get(id);
    return record ? { record, result: readDesign(record.design) } : undefined;
  }

  async create(design: Design, editor: string): Promise<string> {
    const id = newId();
    const t = this.now();
    await this.db.designs.add({ id, name: design.name, createdAt: t, updatedAt: t, rev: 1, editor, design });
    return id;
  }

  /**
   * Save content. The later edit wins; `overwrote` says another tab had written since `baseRev`,
   * so the UI can tell the person instead of overwriting silently.
   */
  async save(id: string, design: Design, editor: string, baseRev: number): Promise<{ rev: number; overwrote: boolean }> {
    return this.db.transaction('rw', this.db.designs, async () => {
      const cur = await this.db.designs.get(id);
      if (!cur) throw new Error('This design no longer exists (it was deleted, perhaps in another tab).');
      const overwrote = cur.rev !== baseRev && cur.editor !== editor;
      const rev = cur.rev + 1;
      await this.db.designs.update(id, { design, name: design.name, updatedAt: this.now(), rev, editor });
      return { rev, overwrote };
    });
  }

  /** The viewport is view state: it does not bump `rev`, so it never counts as a content edit. */
  async saveViewport(id: string, viewport: Viewport): Promise<void> {
    await this.db.designs.update(id, { viewport });
  }

  async rename(id: string, name: string, editor: string): Promise<void> {
    await this.db.transaction('rw', this.db.designs, async () => {
      const cur = await this.db.designs.get(id);
      if (!cur) return;
      const design = typeof cur.design === 'object' && cur.design ? { ...(cur.design as object), name } : cur.design;
      await this.db.designs.update(id, { name, design, updatedAt: this.now(), rev: cur.rev + 1, editor });
    });
  }

  async duplicate(id: string, editor: string): Promise<string | undefined> {
    const cur = await this.db.designs.get(id);
    if (!cur) return undefined;
    const name = `${cur.name} (copy)`;
    const design = typeof cur.design === 'object' && cur.design ? { ...(cur.design as object), name } : cur.design;
    const t = this.now();
    const copy: DesignRecord = { ...cur, id: newId(), name, design, createdAt: t, updatedAt: t, rev: 1, editor };
    await this.db.designs.add(copy);
    return copy.id;
  }

  /** Returns the removed record so the caller can offer Undo. */
  async remove(id: string): Promise<DesignRecord | undefined> {
    return this.db.transaction('rw', this.db.designs, async () => {
      const cur = await this.db.designs.get(id);
      if (cur) await this.db.designs.delete(id);
      return cur;
    });
  }

  async restore(record: DesignRecord): Promise<void> {
    await this.db.designs.put(record);
  }
}
