import type { z } from 'zod';

/** Render a path like nodes[3].params.maxBatch, the way a person reads it in a JSON file. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The first problem only: one clear sentence beats a wall of errors. */
export function describeZodError(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'unknown problem' };
  const path = formatPath(issue.path);
  return { path, message: path ? `${path}: ${issue.message}` : issue.message };
}
