import { readVersion, versionNameSchema, versionSchema, VERSION_FORMAT, VERSION_VERSION, type TargetKind, type VersionSnapshot } from '../domain/history/format.ts';
import { planOrphanSweep, type OrphanCandidate, type OrphanPlan } from '../domain/history/orphans.ts';
import { versionsToPrune } from '../domain/history/prune.ts';
import type { StudioDb, VersionRecord } from './db.ts';
import { newId } from './ids.ts';

export interface NewVersion {
  targetKind: TargetKind;
  targetId: string;
  /** The mlsd-design or mlsd-doc document as it is stored. */
  content: object;
  auto: boolean;
  name?: string;
}

const newestFirst = (a: VersionSnapshot, b: VersionSnapshot) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

/** Versions of designs and docs. Every read validates; a record that does not read is skipped, never thrown. */
export class VersionsRepo {
  /** Times handed out by this repo only go up, so "newest first" is the order they were taken in. */
  private last = 0;

  constructor(
    private readonly db: StudioDb,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Validates before writing: a bad name or content throws here and nothing is stored. */
  async add(v: NewVersion): Promise<VersionSnapshot> {
    this.last = Math.max(this.now(), this.last + 1);
    const snap = versionSchema.parse({ format: VERSION_FORMAT, version: VERSION_VERSION, id: newId(), createdAt: this.last, ...v });
    await this.db.versions.add(snap);
    return snap;
  }

  async list(kind: TargetKind, targetId: string): Promise<VersionSnapshot[]> {
    const rows = await this.db.versions.where('[targetKind+targetId]').equals([kind, targetId]).toArray();
    return read(rows).sort(newestFirst);
  }

  async latest(kind: TargetKind, targetId: string): Promise<VersionSnapshot | undefined> {
    return (await this.list(kind, targetId))[0];
  }

  async get(id: string): Promise<VersionSnapshot | undefined> {
    const row = await this.db.versions.get(id);
    return row ? read([row])[0] : undefined;
  }

  /** A name given by the person makes the version a named one: kept until deleted. */
  async rename(id: string, name: string): Promise<VersionSnapshot | undefined> {
    const clean = versionNameSchema.parse(name);
    return this.db.transaction('rw', this.db.versions, async () => {
      const cur = await this.get(id);
      if (!cur) return undefined;
      const next: VersionSnapshot = { ...cur, name: clean, auto: false };
      await this.db.versions.put(next);
      return next;
    });
  }

  /** Returns the removed version so the caller can offer Undo. */
  async remove(id: string): Promise<VersionRecord | undefined> {
    return this.db.transaction('rw', this.db.versions, async () => {
      const cur = await this.db.versions.get(id);
      if (cur) await this.db.versions.delete(id);
      return cur;
    });
  }

  async restore(record: VersionRecord): Promise<void> {
    await this.db.versions.put(record);
  }

  /** Thin one target's automatic versions (see versionsToPrune). Returns how many were deleted. */
  async prune(kind: TargetKind, targetId: string): Promise<number> {
    return this.db.transaction('rw', this.db.versions, async () => {
      const drop = versionsToPrune(await this.list(kind, targetId), this.now());
      await this.db.versions.bulkDelete(drop);
      return drop.length;
    });
  }

  /**
   * Forget versions of designs and docs that are gone (see planOrphanSweep): one transaction with the
   * designs and docs tables, so an Undo in another tab cannot slip between the check and the delete.
   * Reads only keys and marked rows, never every version's content.
   */
  async sweepOrphans(): Promise<OrphanPlan> {
    const { db } = this;
    return db.transaction('rw', db.versions, db.designs, db.docs, async () => {
      const designs = new Set(await db.designs.toCollection().primaryKeys());
      const docs = new Set(await db.docs.toCollection().primaryKeys());
      const exists = (kind: TargetKind, id: string) => (kind === 'design' ? designs : docs).has(id);
      const marked = read(await db.versions.where('orphanedAt').aboveOrEqual(0).toArray());
      const markedIds = new Set(marked.map((v) => v.id));
      const candidates: OrphanCandidate[] = [...marked];
      const targets = (await db.versions.orderBy('[targetKind+targetId]').uniqueKeys()) as unknown as [string, string][];
      for (const [kind, targetId] of targets) {
        if ((kind !== 'design' && kind !== 'doc') || exists(kind, targetId)) continue;
        const ids = await db.versions.where('[targetKind+targetId]').equals([kind, targetId]).primaryKeys();
        for (const id of ids) if (!markedIds.has(id)) candidates.push({ id, targetKind: kind, targetId });
      }
      const t = this.now();
      const plan = planOrphanSweep(candidates, exists, t);
      if (plan.mark.length) await db.versions.where(':id').anyOf(plan.mark).modify({ orphanedAt: t });
      if (plan.unmark.length) await db.versions.where(':id').anyOf(plan.unmark).modify((r: VersionRecord) => void delete r.orphanedAt);
      if (plan.remove.length) await db.versions.bulkDelete(plan.remove);
      return plan;
    });
  }
}

function read(rows: VersionRecord[]): VersionSnapshot[] {
  const out: VersionSnapshot[] = [];
  for (const r of rows) {
    const v = readVersion(r);
    if (v.ok && v.value.id === r.id) out.push(v.value);
  }
  return out;
}
