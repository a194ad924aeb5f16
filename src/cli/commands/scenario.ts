import { existsSync } from 'node:fs';
import { checkScenario, type ScenarioCheck } from '../../domain/scenario/check.ts';
import { parse, str } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { fmt, json, table } from '../format.ts';
import { loadScenarioDir } from '../scenario/loadDir.ts';

type Row = Omit<ScenarioCheck, 'monthlyCostUsd'> & { file?: string; monthlyCostUsd?: number };

export const scenarioCommand: Command = {
  name: 'scenario',
  summary: 'Check scenario files: schema, reference design within budget, training plan',
  usage: `Usage: mlsd scenario check [--dir scenarios] [--json]

  --dir    folder of *.scenario.json files (default: scenarios)

Loads every scenario, validates it, runs the capacity engine on its reference design and reports
[{id, ok, p99Ms, budgetMs, problems}]. Exit code 1 when any scenario fails.

Example: mlsd scenario check --json`,
  run(args, io) {
    const { values, positionals } = parse(args, { dir: { type: 'string' } }, 1);
    if (values.help) return io.out(`${this.usage}\n`), 0;
    if (positionals[0] !== 'check') throw new UsageError(positionals[0] ? `unknown subcommand "${positionals[0]}" (try: mlsd scenario check)` : 'missing subcommand (try: mlsd scenario check)');
    const dir = str(values, 'dir') ?? 'scenarios';
    if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
    const rows: Row[] = loadScenarioDir(dir, io.readFile).map((f) =>
      f.ok ? { file: f.file, ...checkScenario(f.scenario) } : { file: f.file, id: f.file.replace(/\.scenario\.json$/, ''), ok: false, p99Ms: null, budgetMs: 0, problems: [f.message] },
    );
    if (rows.length === 0) rows.push({ id: '(none)', ok: false, p99Ms: null, budgetMs: 0, problems: [`no *.scenario.json files in ${dir}`] });
    const failed = rows.filter((r) => !r.ok).length;
    if (values.json) io.out(json(rows.map(({ file: _file, ...r }) => r)));
    else {
      io.out(table(['scenario', 'ok', 'p99 ms', 'budget ms', '$/month'], rows.map((r) => [r.id, r.ok ? 'yes' : 'NO', fmt(r.p99Ms, 1), fmt(r.budgetMs, 0), r.monthlyCostUsd === undefined ? '-' : fmt(r.monthlyCostUsd, 0)]), 2));
      for (const r of rows) for (const p of r.problems) io.out(`  ${r.id}: ${p}\n`);
      io.out(`${rows.length - failed} of ${rows.length} scenarios pass\n`);
    }
    return failed ? 1 : 0;
  },
};
