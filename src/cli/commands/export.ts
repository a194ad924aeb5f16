import { writeFileSync } from 'node:fs';
import { readDesignText } from '../../domain/design/format.ts';
import { designToMermaid } from '../../domain/export/mermaidExport.ts';
import { parse, readText, str } from '../args.ts';
import { InputError, UsageError, type Command } from '../command.ts';
import { json } from '../format.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a design as a Mermaid flowchart (renders on GitHub and in Mermaid Live)',
  usage: `Usage: mlsd export mermaid DESIGN.mlsd.json [--out FILE] [--json]

  --out    write the diagram to FILE instead of printing it
  --json   print {"format": "mermaid", "text": ...} instead of the bare text

The flowchart has one subgraph per stage and a shape per kind of component; "%% mlsd:" comments keep
kinds, ids and edge numbers exact, so "mlsd import mermaid" reads it back to the same design.
Example: mlsd export mermaid fraud.mlsd.json --out fraud.mmd`,
  run(args, io) {
    const { values, positionals } = parse(args, { out: { type: 'string' } }, 2);
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const [format, path] = positionals;
    if (format === undefined) throw new UsageError('missing the format: mlsd export mermaid DESIGN.mlsd.json');
    if (format !== 'mermaid') throw new UsageError(`unknown export format "${format}"; valid: mermaid`);
    if (path === undefined) throw new UsageError('missing the design file: mlsd export mermaid DESIGN.mlsd.json');
    const read = readDesignText(readText(io, path));
    if (!read.ok) throw new InputError(`${path}: ${read.message}${read.path ? ` (at ${read.path})` : ''}`);
    const text = designToMermaid(read.value);
    const out = str(values, 'out');
    if (out !== undefined) {
      try {
        writeFileSync(out, text);
      } catch (err) {
        const code = (err as { code?: string }).code;
        throw new InputError(`${out}: cannot write the diagram${code ? ` (${code})` : ''}`);
      }
      io.out(values.json ? json({ format: 'mermaid', out }) : `wrote ${out}: ${read.value.nodes.length} nodes, ${read.value.edges.length} edges\n`);
      return 0;
    }
    io.out(values.json ? json({ format: 'mermaid', text }) : text);
    return 0;
  },
};
