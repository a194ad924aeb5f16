import fc from 'fast-check';
import { COMPONENT_KINDS } from '../../../src/domain/catalog/components.ts';
import { emptyDesign } from '../../../src/domain/design/ops.ts';
import { designSchema, type Design, type DesignEdge, type DesignNode } from '../../../src/domain/design/schema.ts';

/** Random valid designs whose ids and labels try hard to break Mermaid's syntax. */

const KINDS = COMPONENT_KINDS.map((k) => k.kind);

const KEYWORD_IDS = ['end', 'End', 'END', 'graph', 'subgraph', 'style', 'class', 'classDef', 'click', 'call', 'href', 'linkStyle', 'flowchart', 'interpolate', 'direction', 'default', 'accTitle', 'accDescr', 'o', 'x', 'ox', 'odd', 'x1', 'xray', 'v', 'TB', 'TD', 'BT', 'RL', 'LR', 'stage_serving', 'm_end', 'toString', '__proto__', 'constructor', '_self', '_blank', '_top', '_parent', 'BR', 'swimlane-beta', 'flowchart-elk', 'xdirection', 'Direction'];

const idArb = fc.oneof(
  fc.tuple(fc.constantFrom(...KINDS), fc.integer({ min: 1, max: 9 })).map(([k, n]) => `${k}-${n}`),
  fc.tuple(fc.constantFrom(...KEYWORD_IDS), fc.constantFrom('', '-1', '_1', '--2', '-', '_')).map(([k, s]) => `${k}${s}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
);

const HOSTILE = [
  '"quoted"', "it's", '[x]', '(y)', '{z}', '((c))', '[(db)]', '>flag]', 'a|b', '|', '#quot;', '#35;', '#', '&amp;', '&', '<b>bold</b>', '<br>', '<',
  '>', 'line1\nline2', '\n', 'end', 'subgraph', 'graph TD', '-->', 'a --> b', '-. x .->', '==>', '%% comment', '%%{init: {}}%%', ';', ':::cls',
  'style: #quot;', 'classDef x fill:#f00;', 'click a call b()', 'fa:fa-user', '`md`', '**bold**', '_x_', '  padded  ', ' ', '\t', '\r', 'ü 中文 🚀',
  '👨‍👩‍👧', '\u200b', '\u00a0', '\u2028', 'Redis cache', 'Kafka', 'Postgres', 'Clients', 'Model server', '\\', '/', '`', '*', '~~~', 'o--o', 'x--x',
];

const fragment = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
export const labelArb = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('').slice(0, 120));

const nodeArb = (id: string): fc.Arbitrary<DesignNode> =>
  fc.record({ kind: fc.constantFrom(...KINDS), label: fc.option(labelArb, { nil: undefined }) }).map(({ kind, label }) => (label === undefined ? { id, kind } : { id, kind, label }));

interface EdgePick {
  from: number;
  to: number;
  calls: number | undefined;
  hit: number | undefined;
  label: string | undefined;
}

/** -0 would come back as 0; a design never needs it. */
const plain = (v: number) => (Object.is(v, -0) ? 0 : v);

export const designArb: fc.Arbitrary<Design> = fc
  .uniqueArray(idArb, { minLength: 0, maxLength: 14 })
  .chain((ids) =>
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
      nodes: fc.tuple(...ids.map(nodeArb)),
      edges:
        ids.length < 2
          ? fc.constant<EdgePick[]>([])
          : fc.uniqueArray(
              fc.record({
                from: fc.nat(ids.length - 1),
                to: fc.nat(ids.length - 1),
                calls: fc.option(fc.double({ min: Number.MIN_VALUE, max: 10_000, noNaN: true }), { nil: undefined }),
                hit: fc.option(fc.double({ min: 0, max: 1, noNaN: true }).map(plain), { nil: undefined }),
                label: fc.option(labelArb, { nil: undefined }),
              }).filter((e) => e.from !== e.to),
              { selector: (e) => `${e.from}>${e.to}`, maxLength: 20 },
            ),
    }).map(({ name, nodes, edges }) => {
      const design: Design = { ...emptyDesign(name), nodes };
      design.edges = edges.map((e) => {
        const edge: DesignEdge = { from: ids[e.from]!, to: ids[e.to]! };
        if (e.calls !== undefined) edge.callsPerRequest = e.calls;
        if (e.hit !== undefined) edge.hitRatio = e.hit;
        if (e.label !== undefined) edge.label = e.label;
        return edge;
      });
      return designSchema.parse(design);
    }),
  );
