import { readAttempt, type Attempt } from '../domain/interview/attempt.ts';
import type { AttemptRecord, StudioDb } from './db.ts';

export interface AttemptEntry {
  id: string;
  scenarioId: string;
  createdAt: number;
  attempt?: Attempt;
  /** Why the stored record no longer reads; kept, never dropped. */
  problem?: string;
}

function entry(r: AttemptRecord): AttemptEntry {
  const read = readAttempt(r.attempt);
  return read.ok ? { id: r.id, scenarioId: r.scenarioId, createdAt: r.createdAt, attempt: read.value } : { id: r.id, scenarioId: r.scenarioId, createdAt: r.createdAt, problem: read.message };
}

/** Mock-interview attempts in IndexedDB, newest first. */
export class AttemptsRepo {
  constructor(private readonly db: StudioDb) {}

  async list(): Promise<AttemptEntry[]> {
    const rows = await this.db.attempts.orderBy('createdAt').reverse().toArray();
    return rows.map(entry);
  }

  async get(id: string): Promise<AttemptEntry | undefined> {
    const r = await this.db.attempts.get(id);
    return r ? entry(r) : undefined;
  }

  async put(a: Attempt): Promise<void> {
    await this.db.attempts.put({ id: a.id, scenarioId: a.scenarioId, createdAt: a.createdAt, attempt: a });
  }

  async remove(id: string): Promise<AttemptRecord | undefined> {
    return this.db.transaction('rw', this.db.attempts, async () => {
      const r = await this.db.attempts.get(id);
      if (r) await this.db.attempts.delete(id);
      return r;
    });
  }

  async restore(r: AttemptRecord): Promise<void> {
    await this.db.attempts.put(r);
  }
}
