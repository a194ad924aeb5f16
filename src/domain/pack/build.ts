import type { Design } from '../design/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ReadResult } from '../versioning/readVersioned.ts';
import { readPack } from './format.ts';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackTemplate } from './schema.ts';

export interface BuildPackInput {
  id: string;
  title: string;
  author?: string;
  description?: string;
  /** ISO 8601; left out unless given, so building the same selection twice gives the same file. */
  createdAt?: string;
  scenarios?: readonly Scenario[];
  designs?: readonly Design[];
  templates?: readonly PackTemplate[];
}

/**
 * A pack from items a person selected in the library (or a script picked from files), checked by the same
 * schema an import uses, so what is built can always be read back. Empty optional lists are left out.
 */
export function buildPack(input: BuildPackInput): ReadResult<Pack> {
  const doc: Record<string, unknown> = { format: PACK_FORMAT, version: PACK_VERSION, id: input.id, title: input.title };
  if (input.author !== undefined) doc.author = input.author;
  if (input.description !== undefined) doc.description = input.description;
  if (input.createdAt !== undefined) doc.createdAt = input.createdAt;
  doc.scenarios = [...(input.scenarios ?? [])];
  if (input.designs?.length) doc.designs = [...input.designs];
  if (input.templates?.length) doc.templates = [...input.templates];
  return readPack(doc);
}
