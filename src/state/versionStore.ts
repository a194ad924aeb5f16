import { readContent, type VersionContent } from '../domain/history/content.ts';
import type { TargetKind, VersionSnapshot } from '../domain/history/format.ts';
import { shouldSnapshot, type LatestVersion } from '../domain/history/policy.ts';
import { getDb } from '../storage/db.ts';
import { VersionsRepo } from '../storage/versionsRepo.ts';

let repo: VersionsRepo | undefined;
export function versionsRepo(): VersionsRepo {
  repo ??= new VersionsRepo(getDb());
  return repo;
}

interface Target {
  latest: LatestVersion | null;
  /** Saved content not yet in a version (a small edit within the interval): taken when the target is closed. */
  pending: VersionContent | null;
}

// The latest version per target, read once: saves come every few hundred ms and must not re-read versions.
const targets = new Map<string, Target>();
const keyOf = (kind: TargetKind, id: string) => `${kind}:${id}`;
const raw = (c: VersionContent) => (c.kind === 'design' ? c.design : c.doc);

// One queue for all version writes, so two quick saves cannot both decide to take the same version.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const p = queue.then(fn, fn);
  queue = p.catch(() => undefined);
  return p;
}

async function target(kind: TargetKind, id: string): Promise<Target> {
  const key = keyOf(kind, id);
  const known = targets.get(key);
  if (known) return known;
  const latest = await versionsRepo().latest(kind, id);
  const t: Target = { latest: latest ? { createdAt: latest.createdAt, content: readContent(kind, latest.content) } : null, pending: null };
  targets.set(key, t);
  return t;
}

async function take(id: string, content: VersionContent, opts: { auto: boolean; name?: string }): Promise<VersionSnapshot> {
  const t = await target(content.kind, id);
  const v = await versionsRepo().add({ targetKind: content.kind, targetId: id, content: raw(content), ...opts });
  t.latest = { createdAt: v.createdAt, content };
  t.pending = null;
  if (opts.auto) await versionsRepo().prune(content.kind, id);
  return v;
}

let swept = false;
/** Once per page: forget versions of designs and docs deleted long enough ago (see planOrphanSweep). */
function sweepOnce(): void {
  if (swept) return;
  swept = true;
  void versionsRepo().sweepOrphans().catch(warn);
}

// Versions are a safety net: failing to take one must never break saving, so errors are only logged.
function warn(err: unknown): void {
  console.warn('Could not update version history:', err);
}

/** After a successful save: take an automatic version when the policy says so (see shouldSnapshot). */
export function maybeSnapshot(id: string, content: VersionContent): Promise<void> {
  return serial(async () => {
    sweepOnce();
    const t = await target(content.kind, id);
    const d = shouldSnapshot(t.latest, content, Date.now());
    if (d.take) await take(id, content, { auto: true });
    else t.pending = d.reason === 'unchanged' ? null : content;
  }).catch(warn);
}

/** When a design or doc is closed: its last saved edits become a version if they differ from the latest. */
export function snapshotOnClose(kind: TargetKind, id: string): Promise<void> {
  return serial(async () => {
    const t = targets.get(keyOf(kind, id));
    if (!t?.pending) return;
    const d = shouldSnapshot(t.latest, t.pending, Date.now(), true);
    if (d.take) await take(id, t.pending, { auto: true });
    else t.pending = null;
  }).catch(warn);
}

/** "Save version…": always taken, even when nothing changed (a name on the same content still means something). */
export function saveNamedVersion(id: string, content: VersionContent, name: string): Promise<VersionSnapshot> {
  return serial(() => take(id, content, { auto: false, name }));
}

/** The version taken just before a restore, unless the latest version already holds this content. */
export function snapshotBeforeRestore(id: string, content: VersionContent, name: string): Promise<void> {
  return serial(async () => {
    const t = await target(content.kind, id);
    const d = shouldSnapshot(t.latest, content, Date.now(), true);
    if (d.take) await take(id, content, { auto: true, name });
  });
}

/** After a rename or delete from the History panel: re-read the latest version on the next save. */
export function forgetTarget(kind: TargetKind, id: string): void {
  targets.delete(keyOf(kind, id));
}
