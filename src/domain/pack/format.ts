import { readVersioned, readVersionedText, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';
import { packTextProblem } from './guards.ts';
import { packMigrations } from './migrations.ts';
import { PACK_FORMAT, PACK_VERSION, packSchema, type Pack } from './schema.ts';

export const packSpec: VersionedSpec<Pack> = {
  format: PACK_FORMAT,
  noun: 'pack',
  currentVersion: PACK_VERSION,
  migrations: packMigrations,
  // The schema's input type differs from Pack (defaults such as a scenario's `temporal`), as for scenarios.
  schema: packSchema as unknown as VersionedSpec<Pack>['schema'],
};

/** Read an already-parsed value as a pack: format, version, migrations, schema; never throws. */
export const readPack = (raw: unknown): ReadResult<Pack> => readVersioned(raw, packSpec);

/** Read a pack file's text; the size and nesting guards run before JSON.parse sees it. */
export function readPackText(text: string): ReadResult<Pack> {
  const problem = packTextProblem(text);
  if (problem) return { ok: false, reason: 'invalid', message: problem };
  return readVersionedText(text, packSpec);
}

/** Stable, human-diffable file text (two-space indent, trailing newline), like design files. */
export function packToFileText(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The id is a slug already, so it is the file name people see in a repo: "ml-interview-starter.mlsd-pack.json". */
export function packFileName(pack: Pick<Pack, 'id'>): string {
  // Valid ids are slugs already; the replace only matters for a value that never went through the schema.
  return `${pack.id.replace(/[^a-z0-9-]+/g, '-').slice(0, 63) || 'pack'}.mlsd-pack.json`;
}
