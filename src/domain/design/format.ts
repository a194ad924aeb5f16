import { readVersioned, readVersionedText, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, designSchema, type Design } from './schema.ts';
import { designMigrations } from './migrations.ts';

export const designSpec: VersionedSpec<Design> = {
  format: DESIGN_FORMAT,
  noun: 'design',
  currentVersion: DESIGN_VERSION,
  migrations: designMigrations,
  schema: designSchema,
};

export const readDesign = (raw: unknown): ReadResult<Design> => readVersioned(raw, designSpec);
export const readDesignText = (text: string): ReadResult<Design> => readVersionedText(text, designSpec);

/** Stable, human-diffable file text. */
export function designToFileText(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}

/** A file-system-safe base name from a design or doc name. */
export function fileBaseName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'design';
}

/** File name people recognise: "Fraud detection v2.mlsd.json". */
export function designFileName(design: Design): string {
  return `${fileBaseName(design.name)}.mlsd.json`;
}
