import { z } from 'zod';
import { readVersioned, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';

export const VERSION_FORMAT = 'mlsd-version';
export const VERSION_VERSION = 1;

export const TARGET_KINDS = ['design', 'doc'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const MAX_VERSION_NAME = 120;

export const versionNameSchema = z.string().trim().min(1, 'name must not be empty').max(MAX_VERSION_NAME, `name must be at most ${MAX_VERSION_NAME} characters`);

/**
 * One saved version of a design or a doc. `content` is the mlsd-design or mlsd-doc document exactly as it
 * was stored; it is read through that format's own reader when previewed or restored, so an old snapshot
 * migrates like any old file would.
 */
export const versionSchema = z.object({
  format: z.literal(VERSION_FORMAT),
  version: z.literal(VERSION_VERSION),
  id: z.string().min(1).max(200),
  targetKind: z.enum(TARGET_KINDS),
  targetId: z.string().min(1).max(200),
  createdAt: z.number().int().min(0),
  /** Given by the person ("Save version…"), or by the app for a version it took before a restore. */
  name: versionNameSchema.optional(),
  /** Taken by the app; auto versions are thinned over time, named ones (auto: false) are kept. */
  auto: z.boolean(),
  content: z.record(z.string(), z.unknown()),
  /** Set when the design or doc was first seen missing; cleared if it comes back (an undone delete). */
  orphanedAt: z.number().int().min(0).optional(),
});

export type VersionSnapshot = z.infer<typeof versionSchema>;

export const versionSpec: VersionedSpec<VersionSnapshot> = {
  format: VERSION_FORMAT,
  noun: 'version',
  currentVersion: VERSION_VERSION,
  migrations: {},
  schema: versionSchema,
};

export const readVersion = (raw: unknown): ReadResult<VersionSnapshot> => readVersioned(raw, versionSpec);
