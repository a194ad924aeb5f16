import { writeFileSync } from 'node:fs';
import { designToFileText, readDesign } from '../../domain/design/format.ts';
import { mermaidToDesign } from '../../domain/export/mermaidImport.ts';
import { parse, readText, str } from '../args.ts';
import { InputError, UsageError, type Command } from '../command.ts';
import { json } from '../format.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Turn a Mermaid flowchart into a design file',
  usage: `Usage: mlsd import mermaid FILE.mmd --out DESIGN.mlsd.json [--name NAME] [--json]

  --out    where to write the design (format mlsd-design, version 1)
  --name   the design's name (default: the diagram's front-matter title)
  --json   print {"out", "nodes", "edges", "warnings"} on stdout

Reads flowchart/graph diagrams (any direction, subgraphs, edge labels, every arrow and node shape) and
architecture-beta. Each box becomes a component: its "%% mlsd:" hint, else the words in its label or id
("Kafka", "Redis", "Postgres DB", "Triton model server"), else a default named in a warning.
Warnings go to stderr; unsupported syntax exits 1 with "line N: reason".
Example: mlsd import mermaid pipeline.mmd --out pipeline.mlsd.json`,
  run(args, io) {
    const { values, positionals } = parse(args, { out: { type: 'string' }, name: { type: 'string' } }, 2);
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const [format, path] = positionals;
    if (format === undefined) throw new UsageError('missing the format: mlsd import mermaid FILE.mmd --out DESIGN.mlsd.json');
    if (format !== 'mermaid') throw new UsageError(`unknown import format "${format}"; valid: mermaid`);
    if (path === undefined) throw new UsageError('missing the diagram file: mlsd import mermaid FILE.mmd --out DESIGN.mlsd.json');
    const out = str(values, 'out', true);
    const name = str(values, 'name');
    if (name !== undefined && (name.trim() === '' || name.length > 200)) throw new UsageError('--name must be 1 to 200 characters');
    const result = mermaidToDesign(readText(io, path), name !== undefined ? { name } : {});
    if (!result.ok) throw new InputError(`${path}: line ${result.line}: ${result.message}`);
    // Validate the way any design file is read, so what is written always opens in the app.
    const checked = readDesign(JSON.parse(designToFileText(result.design)));
    if (!checked.ok) throw new InputError(`${path}: the imported design does not validate: ${checked.message}`);
    try {
      writeFileSync(out, designToFileText(checked.value));
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new InputError(`${out}: cannot write the design${code ? ` (${code})` : ''}`);
    }
    for (const w of result.warnings) io.err(`warning: ${w}\n`);
    const d = checked.value;
    io.out(values.json ? json({ out, nodes: d.nodes.length, edges: d.edges.length, warnings: result.warnings }) : `wrote ${out}: "${d.name}", ${d.nodes.length} nodes, ${d.edges.length} edges\n`);
    return 0;
  },
};
