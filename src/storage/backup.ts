import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type Backup, type BackupTable } from '../domain/backup/format.ts';
import type { StudioDb } from './db.ts';

/** Every table, read in one transaction so the copy is consistent. */
export async function exportBackup(db: StudioDb, now = new Date()): Promise<Backup> {
  const tables = db.tables.filter((t) => (BACKUP_TABLES as readonly string[]).includes(t.name));
  return db.transaction('r', tables, async () => {
    const out = {} as Backup['tables'];
    for (const t of BACKUP_TABLES) out[t] = (await db.table(t).toArray()) as Backup['tables'][BackupTable];
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), dbVersion: db.verno, tables: out };
  });
}

export async function existingIds(db: StudioDb): Promise<Record<BackupTable, ReadonlySet<string>>> {
  const out = {} as Record<BackupTable, ReadonlySet<string>>;
  for (const t of BACKUP_TABLES) out[t] = new Set((await db.table(t).toCollection().primaryKeys()) as string[]);
  return out;
}

/**
 * Restore in one transaction. 'merge' keeps what is here and takes the backup's copy where ids clash;
 * 'replace' empties every table first. Either way, a failure leaves the database as it was.
 */
export async function restoreBackup(db: StudioDb, backup: Backup, mode: 'merge' | 'replace'): Promise<Record<BackupTable, number>> {
  const tables = BACKUP_TABLES.map((t) => db.table(t));
  return db.transaction('rw', tables, async () => {
    const counts = {} as Record<BackupTable, number>;
    for (const t of BACKUP_TABLES) {
      if (mode === 'replace') await db.table(t).clear();
      await db.table(t).bulkPut(backup.tables[t]);
      counts[t] = backup.tables[t].length;
    }
    return counts;
  });
}
