import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packToFileText } from '../../domain/pack/format.ts';
import { packFromFiles, type NamedText } from '../../domain/pack/fromFiles.ts';
import { packSizeProblem, packTextProblem } from '../../domain/pack/guards.ts';
import { packSlugSchema } from '../../domain/pack/schema.ts';
import { validatePackText, type PackReport } from '../../domain/pack/validate.ts';
import { parse, readText, str } from '../args.ts';
import { InputError, UsageError, type Command, type Io } from '../command.ts';
import { json } from '../format.ts';

const USAGE = `Usage: mlsd pack validate FILE.mlsd-pack.json [--json]
       mlsd pack build --scenarios ID,ID --out FILE.mlsd-pack.json [options]

validate   reads the pack as the app would (size and nesting limits, format version, schema), lists every
           problem with its path, and runs "mlsd scenario check" on each scenario. Exit code 1 when any.
           --json prints {ok, id, counts: {scenarios, designs, templates}, problems, warnings}.

build      makes a pack from scenario files, with each scenario's reference design as an editable design.
  --scenarios      scenario ids, comma-separated (files DIR/ID.scenario.json)
  --out            where to write the pack
  --id             the pack's id (default: the --out file name without .mlsd-pack.json)
  --title          the pack's title (default: made from the scenario titles)
  --author         who made it
  --description    a sentence or two on what the pack is for
  --templates      design-doc template ids to include, comma-separated (files TEMPLATES-DIR/ID.md)
  --dir            folder of scenario files (default: scenarios)
  --templates-dir  folder of templates (default: templates)

Example: mlsd pack build --scenarios fraud-detection,recommender --templates one-page-brief --out my.mlsd-pack.json`;

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function readPackFile(io: Io, path: string): string {
  // Refuse a huge file before reading it into memory; a failed stat is reported by the read just after.
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch {
    size = undefined;
  }
  const tooBig = size === undefined ? null : packSizeProblem(size);
  if (tooBig) throw new InputError(`${path}: ${tooBig}`);
  return readText(io, path);
}

function printReport(io: Io, path: string, r: PackReport, asJson: boolean): void {
  if (asJson) {
    io.out(json(r));
    return;
  }
  const c = r.counts;
  io.out(r.id === null ? `${path}: cannot be read as a pack\n` : `${path}: pack "${r.id}", ${c.scenarios} scenarios, ${c.designs} designs, ${c.templates} template${c.templates === 1 ? '' : 's'}\n`);
  for (const p of r.problems) io.out(`  ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
  for (const w of r.warnings) io.out(`  warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
  io.out(r.ok ? 'ok\n' : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}\n`);
}

function validate(io: Io, path: string | undefined, asJson: boolean): number {
  if (path === undefined) throw new UsageError('missing the pack file: mlsd pack validate FILE.mlsd-pack.json');
  const report = validatePackText(readPackFile(io, path));
  printReport(io, path, report, asJson);
  return report.ok ? 0 : 1;
}

/** Files `DIR/ID + ext` for each id; an unknown id is a usage error that lists the ids there are. */
function pick(io: Io, dir: string, ids: string[], ext: string, what: string): NamedText[] {
  if (ids.length === 0) return [];
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  const have = readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
  return ids.map((id) => {
    if (!have.includes(id)) throw new UsageError(`unknown ${what} "${id}" in ${dir}; valid: ${have.join(', ')}`);
    const file = join(dir, `${id}${ext}`);
    return { name: file, text: readText(io, file) };
  });
}

function build(io: Io, values: Record<string, string | boolean | undefined>): number {
  const scenarioIds = list(str(values, 'scenarios'));
  const templateIds = list(str(values, 'templates'));
  if (scenarioIds.length + templateIds.length === 0) throw new UsageError('missing --scenarios (and no --templates): a pack needs at least one item');
  const out = str(values, 'out', true);
  const id = str(values, 'id') ?? basename(out).replace(/(\.mlsd-pack)?\.json$/, '');
  if (!packSlugSchema.safeParse(id).success) throw new UsageError(`pack id "${id}" is not 2–63 lower-case letters, digits and "-"; give --id`);
  const author = str(values, 'author');
  const description = str(values, 'description');
  const scenarios = pick(io, str(values, 'dir') ?? 'scenarios', scenarioIds, '.scenario.json', 'scenario');
  const templates = pick(io, str(values, 'templates-dir') ?? 'templates', templateIds, '.md', 'template');
  const title = str(values, 'title') ?? defaultTitle(scenarios, templateIds);
  const r = packFromFiles({ id, title, ...(author !== undefined ? { author } : {}), ...(description !== undefined ? { description } : {}) }, { scenarios, templates });
  if (!r.ok) throw new InputError(`cannot build the pack:\n${r.problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`);
  const text = packToFileText(r.pack);
  const tooBig = packTextProblem(text);
  if (tooBig) throw new InputError(tooBig);
  try {
    writeFileSync(out, text);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new InputError(`${out}: cannot write the pack${code ? ` (${code})` : ''}`);
  }
  const counts = { scenarios: r.pack.scenarios.length, designs: r.pack.designs?.length ?? 0, templates: r.pack.templates?.length ?? 0 };
  io.out(values.json ? json({ out, id, counts }) : `wrote ${out}: pack "${id}", ${counts.scenarios} scenarios, ${counts.designs} designs, ${counts.templates} template${counts.templates === 1 ? '' : 's'}\n`);
  return 0;
}

/** "Scenarios: Fraud detection …; Churn …", cut to the 120 characters a title may have. */
function defaultTitle(scenarios: NamedText[], templateIds: string[]): string {
  const titles = scenarios.map((s) => {
    try {
      return String((JSON.parse(s.text) as { title?: unknown }).title ?? basename(s.name));
    } catch {
      return basename(s.name);
    }
  });
  const t = titles.length ? `Scenarios: ${titles.join('; ')}` : `Templates: ${templateIds.join(', ')}`;
  return t.length <= 120 ? t : `${t.slice(0, 119).trimEnd()}…`;
}

export const packCommand: Command = {
  name: 'pack',
  summary: 'Validate a scenario pack, or build one from scenario files',
  usage: USAGE,
  run(args, io) {
    const { values, positionals } = parse(
      args,
      { scenarios: { type: 'string' }, templates: { type: 'string' }, out: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, author: { type: 'string' }, description: { type: 'string' }, dir: { type: 'string' }, 'templates-dir': { type: 'string' } },
      2,
    );
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const [sub, path] = positionals;
    if (sub === 'validate') {
      const extra = Object.keys(values).find((k) => k !== 'json' && values[k] !== undefined);
      if (extra) throw new UsageError(`--${extra} is an option of "mlsd pack build", not of validate`);
      return validate(io, path, values.json === true);
    }
    if (sub === 'build') {
      if (path !== undefined) throw new UsageError(`unexpected argument "${path}" (build takes --out FILE)`);
      return build(io, values);
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}" (try: mlsd pack validate FILE, mlsd pack build)` : 'missing subcommand (try: mlsd pack validate FILE, mlsd pack build)');
  },
};
