import Dexie, { type Table } from 'dexie';
import type { Design } from '../domain/design/schema.ts';

/** Canvas viewport, kept beside the design so a reload shows the same view. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * One stored design. `design` is the file format itself (validated on every read), so content
 * migrations stay in src/domain and files, packs and the database share one code path.
 */
export interface DesignRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped on every content save; lets tabs notice each other's writes. */
  rev: number;
  /** Tab that wrote the latest revision. */
  editor: string;
  design: unknown;
  viewport?: Viewport;
}

// DO NOT rename the database or reuse a version number: stored data would be orphaned.
// Dexie versions change tables and indexes only; content migrations live in src/domain.
export const DB_NAME = 'mlsd-studio';

/** A saved device profile (calibration result). `profile` is the file format, validated on every read. */
export interface ProfileRecord {
  id: string;
  createdAt: number;
  profile: unknown;
}

/** A mock-interview attempt. `attempt` is the mlsd-attempt document, validated on every read. */
export interface AttemptRecord {
  id: string;
  scenarioId: string;
  createdAt: number;
  attempt: unknown;
}

/** A design doc. `doc` is the mlsd-doc document, validated on every read. */
export interface DocRecord {
  id: string;
  designId: string | null;
  updatedAt: number;
  doc: unknown;
}

/** A scenario added from a pack. `scenario` is the mlsd-scenario document, validated on every read. */
export interface ScenarioRecord {
  id: string;
  /** The pack it came from. */
  packId: string;
  addedAt: number;
  scenario: unknown;
}

/** A doc template added from a pack: its Markdown text, parsed on every read. */
export interface TemplateRecord {
  id: string;
  packId: string;
  addedAt: number;
  text: string;
}

/**
 * A saved version of a design or doc: the mlsd-version document itself, flat so its target and time can be
 * indexed; validated on every read.
 */
export interface VersionRecord {
  id: string;
  targetKind: string;
  targetId: string;
  createdAt: number;
  [field: string]: unknown;
}

export class StudioDb extends Dexie {
  designs!: Table<DesignRecord, string>;
  profiles!: Table<ProfileRecord, string>;
  attempts!: Table<AttemptRecord, string>;
  docs!: Table<DocRecord, string>;
  scenarios!: Table<ScenarioRecord, string>;
  templates!: Table<TemplateRecord, string>;
  versions!: Table<VersionRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ designs: 'id, updatedAt, name' });
    this.version(2).stores({ profiles: 'id, createdAt' });
    this.version(3).stores({ attempts: 'id, scenarioId, createdAt' });
    this.version(4).stores({ docs: 'id, designId, updatedAt' });
    this.version(5).stores({ scenarios: 'id, packId', templates: 'id, packId' });
    // orphanedAt is indexed so the orphan sweep reads only marked rows (rows without it stay out of the index).
    this.version(6).stores({ versions: 'id, [targetKind+targetId], createdAt, orphanedAt' });
  }
}

let instance: StudioDb | undefined;

export function getDb(): StudioDb {
  instance ??= new StudioDb();
  return instance;
}

export type { Design };
