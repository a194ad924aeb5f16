import { readDoc, type DesignDoc } from '../domain/doc/format.ts';
import type { DocRecord, StudioDb } from './db.ts';

export interface DocEntry {
  id: string;
  designId: string | null;
  updatedAt: number;
  doc?: DesignDoc;
  /** Why the stored record no longer reads; kept, never dropped. */
  problem?: string;
}

function entry(r: DocRecord): DocEntry {
  const read = readDoc(r.doc);
  return read.ok ? { id: r.id, designId: r.designId, updatedAt: r.updatedAt, doc: read.value } : { id: r.id, designId: r.designId, updatedAt: r.updatedAt, problem: read.message };
}

/** Design docs in IndexedDB, most recently edited first. */
export class DocsRepo {
  constructor(private readonly db: StudioDb) {}

  async list(): Promise<DocEntry[]> {
    const rows = await this.db.docs.orderBy('updatedAt').reverse().toArray();
    return rows.map(entry);
  }

  async get(id: string): Promise<DocEntry | undefined> {
    const r = await this.db.docs.get(id);
    return r ? entry(r) : undefined;
  }

  async put(doc: DesignDoc): Promise<void> {
    await this.db.docs.put({ id: doc.id, designId: doc.designId, updatedAt: doc.updatedAt, doc });
  }

  async remove(id: string): Promise<DocRecord | undefined> {
    return this.db.transaction('rw', this.db.docs, async () => {
      const r = await this.db.docs.get(id);
      if (r) await this.db.docs.delete(id);
      return r;
    });
  }

  async restore(r: DocRecord): Promise<void> {
    await this.db.docs.put(r);
  }
}
