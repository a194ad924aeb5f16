import { z } from 'zod';
import { readVersionedText, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';

export const BACKUP_FORMAT = 'mlsd-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup carries, in the order a restore writes them. */
export const BACKUP_TABLES = ['designs', 'docs', 'attempts', 'profiles', 'scenarios', 'templates'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

// Rows keep their stored shape: each row's own document (design, doc, attempt…) is validated by its reader when
// the app opens it, exactly as after any other write, so a backup never drops a record it cannot read today.
const row = z.looseObject({ id: z.string().min(1).max(200) });

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string().max(40),
  /** The database version the rows were read from. */
  dbVersion: z.number().int().min(1),
  tables: z.object(Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(row).max(100_000)])) as Record<BackupTable, z.ZodArray<typeof row>>),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupRow = Backup['tables'][BackupTable][number];

export const backupSpec: VersionedSpec<Backup> = { format: BACKUP_FORMAT, noun: 'backup', currentVersion: BACKUP_VERSION, migrations: {}, schema: backupSchema };

/** A backup file is large but bounded: refuse more than 200 MB before reading it. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export const readBackupText = (text: string): ReadResult<Backup> => readVersionedText(text, backupSpec);

export function backupFileName(createdAt: string): string {
  return `mlsd-backup-${createdAt.slice(0, 10)}.json`;
}

/** What a restore would do, per table: rows that are new and rows that exist with the same id. */
export function planRestore(backup: Backup, existingIds: Record<BackupTable, ReadonlySet<string>>): Record<BackupTable, { total: number; clashes: number }> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, { total: backup.tables[t].length, clashes: backup.tables[t].filter((r) => existingIds[t].has(r.id)).length }])) as Record<BackupTable, { total: number; clashes: number }>;
}
