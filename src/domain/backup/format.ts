import { z } from 'zod';
import { depthExceededAt } from '../pack/guards.ts';
import { readVersionedText, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';

export const BACKUP_FORMAT = 'mlsd-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup carries, in the order a restore writes them. */
export const BACKUP_TABLES = ['designs', 'docs', 'attempts', 'profiles', 'scenarios', 'templates', 'versions'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

// Rows keep their stored shape: each row's own document (design, doc, attempt…) is validated by its reader when
// the app opens it, exactly as after any other write, so a backup never drops a record it cannot read today.
const row = z.looseObject({ id: z.string().min(1).max(200) });
const rows = z.array(row).max(100_000);
/** Tables added after the first backups: a file made before them restores with the table empty. */
const LATER_TABLES: readonly BackupTable[] = ['versions'];

/**
 * The fields around each row's document that the app's lists, sorts and indexes read as they are (a design's name
 * and times, a doc's designId…): every record the app writes has them, so a row without them is refused rather than
 * stored where it would break the Library.
 */
type FieldType = 'text' | 'number' | 'text or null';
const ENVELOPE: Partial<Record<BackupTable, Record<string, FieldType>>> = {
  designs: { name: 'text', createdAt: 'number', updatedAt: 'number', rev: 'number', editor: 'text' },
  docs: { designId: 'text or null', updatedAt: 'number' },
  attempts: { scenarioId: 'text', createdAt: 'number' },
  profiles: { createdAt: 'number' },
  scenarios: { packId: 'text', addedAt: 'number' },
  templates: { packId: 'text', addedAt: 'number', text: 'text' },
  versions: { targetKind: 'text', targetId: 'text', createdAt: 'number' },
};

const isType = (v: unknown, type: FieldType): boolean =>
  type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' || (type === 'text or null' && v === null);

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string().max(40),
  /** The database version the rows were read from. */
  dbVersion: z.number().int().min(1),
  tables: z.object(Object.fromEntries(BACKUP_TABLES.map((t) => [t, LATER_TABLES.includes(t) ? rows.default([]) : rows])) as Record<BackupTable, typeof rows>),
}).superRefine((b, ctx) => {
  for (const t of BACKUP_TABLES) {
    const ids = new Set<string>();
    b.tables[t].forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['tables', t, i, 'id'], message: `duplicate id "${r.id.slice(0, 80)}" in ${t}` });
      ids.add(r.id);
      for (const [key, type] of Object.entries(ENVELOPE[t] ?? {})) {
        if (!isType(r[key], type)) ctx.addIssue({ code: 'custom', path: ['tables', t, i, key], message: `${key} must be ${type === 'number' ? 'a number' : type}` });
      }
    });
  }
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupRow = Backup['tables'][BackupTable][number];

export const backupSpec: VersionedSpec<Backup> = { format: BACKUP_FORMAT, noun: 'backup', currentVersion: BACKUP_VERSION, migrations: {}, schema: backupSchema };

/** A backup file is large but bounded: refuse more than 200 MB before reading it. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** A real backup nests about 12 levels (backup → tables → profiles → row → profile → models → … → operators). */
export const MAX_BACKUP_DEPTH = 64;

/**
 * Read a backup file's text. The nesting guard runs before JSON.parse: rows are kept as stored, so without it a
 * `[[[[…` bomb inside a row would be restored and break every later backup (JSON.stringify recurses).
 */
export function readBackupText(text: string): ReadResult<Backup> {
  const at = depthExceededAt(text, MAX_BACKUP_DEPTH);
  if (at >= 0) return { ok: false, reason: 'invalid', message: `This backup nests deeper than ${MAX_BACKUP_DEPTH} levels (at character ${at + 1}); a real backup needs about 12.` };
  return readVersionedText(text, backupSpec);
}

export function backupFileName(createdAt: string): string {
  return `mlsd-backup-${createdAt.slice(0, 10)}.json`;
}

/** What a restore would do, per table: rows that are new and rows that exist with the same id. */
export function planRestore(backup: Backup, existingIds: Record<BackupTable, ReadonlySet<string>>): Record<BackupTable, { total: number; clashes: number }> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, { total: backup.tables[t].length, clashes: backup.tables[t].filter((r) => existingIds[t].has(r.id)).length }])) as Record<BackupTable, { total: number; clashes: number }>;
}
