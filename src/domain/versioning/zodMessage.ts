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

/** zod's type names as a person says them. */
const TYPE_WORDS: Record<string, string> = { array: 'a list', object: 'an object', string: 'text', number: 'a number', boolean: 'true or false', int: 'a whole number' };

/**
 * zod's default type message ("Invalid input: expected array, received object") in plain words ("should be a list,
 * not an object"); a missing field says so. Messages the schemas wrote themselves are kept as they are.
 */
function plainMessage(issue: z.core.$ZodIssue): string {
  const m = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (issue.code !== 'invalid_type' || !m) return issue.message;
  const [, want = '', got = ''] = m;
  if (got === 'undefined') return `is missing (it should be ${TYPE_WORDS[want] ?? want})`;
  return `should be ${TYPE_WORDS[want] ?? want}, not ${TYPE_WORDS[got] ?? got}`;
}

/** The first problem only: one clear sentence beats a wall of errors. */
export function describeZodError(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'unknown problem' };
  const path = formatPath(issue.path);
  const message = plainMessage(issue);
  const joiner = message.startsWith('is missing') ? ' ' : ': ';
  return { path, message: path ? `${path}${joiner}${message}` : message.replace(/^is missing/, 'Something is missing') };
}
