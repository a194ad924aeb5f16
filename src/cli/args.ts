import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, UsageError, type Io } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

/** Every command takes --json and --help; parse strictly so unknown flags are errors, not silently ignored. */
export function parse(args: string[], options: Options, positionals = 0): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...options }, strict: true, allowPositionals: positionals > 0 });
    if (!r.values.help && r.positionals.length > positionals) throw new UsageError(`unexpected argument "${r.positionals[positionals]}"`);
    return { values: r.values as Values, positionals: r.positionals };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    // node:util's messages are clear ("Unknown option '--x'", "Option '--servers <value>' argument missing").
    throw new UsageError(err instanceof Error ? err.message.split('. ')[0]! : String(err));
  }
}

interface NumberRule {
  required?: boolean;
  integer?: boolean;
  min?: number;
  /** Strictly above min. */
  above?: number;
  max?: number;
}

export function num(values: Values, name: string, rule: NumberRule & { required: true }): number;
export function num(values: Values, name: string, rule?: NumberRule): number | undefined;
export function num(values: Values, name: string, rule: NumberRule = {}): number | undefined {
  const raw = values[name];
  if (raw === undefined) {
    if (rule.required) throw new UsageError(`missing --${name}`);
    return undefined;
  }
  const text = String(raw).trim();
  const v = Number(text);
  if (text === '' || !Number.isFinite(v)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  if (rule.integer && !Number.isInteger(v)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  if (rule.min !== undefined && v < rule.min) throw new UsageError(`--${name} must be at least ${rule.min}, got ${v}`);
  if (rule.above !== undefined && v <= rule.above) throw new UsageError(`--${name} must be above ${rule.above}, got ${v}`);
  if (rule.max !== undefined && v > rule.max) throw new UsageError(`--${name} must be at most ${rule.max}, got ${v}`);
  return v;
}

export function str(values: Values, name: string, required: true): string;
export function str(values: Values, name: string, required?: boolean): string | undefined;
export function str(values: Values, name: string, required = false): string | undefined {
  const v = values[name];
  if (v === undefined || v === '') {
    if (required) throw new UsageError(`missing --${name}`);
    return undefined;
  }
  return String(v);
}

/** A name that must be one of a catalog's entries (case-insensitive); the error lists the valid ones. */
export function oneOf(value: string | undefined, what: string, valid: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  const hit = valid.find((v) => v.toLowerCase() === value.toLowerCase());
  if (!hit) throw new UsageError(`unknown ${what} "${value}"; valid: ${valid.join(', ')}`);
  return hit;
}

export function readText(io: Io, path: string): string {
  try {
    return io.readFile(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new InputError(`${path}: cannot read the file${code ? ` (${code})` : ''}`);
  }
}

export function readJson(io: Io, path: string): unknown {
  const text = readText(io, path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}
