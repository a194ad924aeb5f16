import { z } from 'zod';
import { readVersioned, readVersionedText, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';

export const DOC_FORMAT = 'mlsd-doc';
export const DOC_VERSION = 1;

/** A long design doc is ~50k characters; the cap leaves room while refusing something that would hang the editor. */
export const MAX_DOC_CHARS = 1_000_000;

const time = (what: string) => z.number({ error: `${what} must be a number (ms since 1970)` }).int(`${what} must be whole milliseconds`).min(0, `${what} cannot be negative`);

export const docSchema = z
  .object({
    format: z.literal(DOC_FORMAT),
    version: z.literal(DOC_VERSION),
    id: z.string().min(1, 'id must not be empty').max(80, 'id must be at most 80 characters'),
    title: z.string().trim().min(1, 'title must not be empty').max(200, 'title must be at most 200 characters'),
    templateId: z.string().min(1, 'templateId must not be empty').max(80, 'templateId must be at most 80 characters'),
    /** The design whose diagram, capacity and latency budget the live blocks show; null when none is attached. */
    designId: z.string().min(1).max(80).nullable(),
    markdown: z.string().max(MAX_DOC_CHARS, `markdown must be at most ${MAX_DOC_CHARS.toLocaleString('en-US')} characters`),
    createdAt: time('createdAt'),
    updatedAt: time('updatedAt'),
  })
  .superRefine((d, ctx) => {
    if (d.updatedAt < d.createdAt) ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'updatedAt is before createdAt' });
  });

export type DesignDoc = z.infer<typeof docSchema>;

export const docSpec: VersionedSpec<DesignDoc> = {
  format: DOC_FORMAT,
  noun: 'design doc',
  currentVersion: DOC_VERSION,
  migrations: {},
  schema: docSchema,
};

export const readDoc = (raw: unknown): ReadResult<DesignDoc> => readVersioned(raw, docSpec);
export const readDocText = (text: string): ReadResult<DesignDoc> => readVersionedText(text, docSpec);

/** Stable, human-diffable file text. */
export function docToFileText(doc: DesignDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
