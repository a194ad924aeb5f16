import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/domain/design/schema.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';

function ok(text: string, opts?: { name?: string }): { design: Design; warnings: string[] } {
  const r = mermaidToDesign(text, opts);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r;
}

function fail(text: string): { line: number; message: string } {
  const r = mermaidToDesign(text);
  if (r.ok) throw new Error('expected a refusal');
  return r;
}

const pairs = (d: Design) => d.edges.map((e) => `${e.from}>${e.to}`);
const kindOf = (d: Design, id: string) => d.nodes.find((n) => n.id === id)?.kind;
const labelOf = (d: Design, id: string) => d.nodes.find((n) => n.id === id)?.label;

describe('flowchart headers', () => {
  it.each(['flowchart TD', 'flowchart TB', 'flowchart LR', 'flowchart RL', 'flowchart BT', 'graph TD', 'graph LR;', 'graph', 'flowchart-elk LR'])('reads "%s"', (header) => {
    expect(pairs(ok(`${header}\n  a --> b\n`).design)).toEqual(['a>b']);
  });

  it('skips front matter, %%{init}%% directives and comments before the header, and takes the title as name', () => {
    const { design } = ok('---\ntitle: "My pipeline"\nconfig:\n  theme: dark\n---\n%%{init: {"theme": "dark"}}%%\n%% a comment\n\nflowchart LR\n a --> b');
    expect(design.name).toBe('My pipeline');
    expect(ok('---\ntitle: x\n---\nflowchart LR\n a', { name: 'Given' }).design.name).toBe('Given');
    expect(ok('flowchart LR\n a').design.name).toBe('Imported Mermaid diagram');
  });
});

describe('Markdown', () => {
  it('reads the first ```mermaid block of a README, with line numbers of the file', () => {
    const readme = '# Pipeline\n\nSome text.\n\n```mermaid\nflowchart LR\n  kafka --> flink\n```\n\n```mermaid\nsequenceDiagram\n```\n';
    expect(pairs(ok(readme).design)).toEqual(['kafka>flink']);
    expect(ok('Intro\n~~~mermaid\n---\ntitle: From a README\n---\ngraph TD\n  a --> b\n~~~\n').design.name).toBe('From a README');
    expect(fail('# Title\n```mermaid\nflowchart LR\n  a[oops\n```').line).toBe(4);
  });
});

describe('links', () => {
  it.each([
    ['a-->b', ['a>b']], ['a --- b', ['a>b']], ['a---b', ['a>b']], ['a --> b', ['a>b']], ['a ---> b', ['a>b']], ['a ----> b', ['a>b']],
    ['a -.-> b', ['a>b']], ['a-.-b', ['a>b']], ['a -..-> b', ['a>b']], ['a ==> b', ['a>b']], ['a===b', ['a>b']], ['a --o b', ['a>b']], ['a--xb', ['a>b']],
    ['a <--> b', ['a>b']], ['a o--o b', ['a>b']], ['a x--x b', ['a>b']], ['a <==> b', ['a>b']], ['a ~~~ b', []],
  ])('%s', (link, expected) => {
    const { design } = ok(`flowchart LR\n  ${link}\n`);
    expect(design.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(pairs(design)).toEqual(expected);
  });

  it('reads edge text in every form', () => {
    const { design } = ok(`flowchart LR
      a -->|pipe text| b
      b -- dash text --> c
      c -. dotted text .-> d
      d == thick text ==> e
      e -->|"quoted | text"| f
      f -- "quoted -- dash" --> g
      g ---|open pipe| h
      h -- open text --- i`);
    expect(design.edges.map((e) => e.label)).toEqual(['pipe text', 'dash text', 'dotted text', 'thick text', 'quoted | text', 'quoted -- dash', 'open pipe', 'open text']);
  });

  it('follows chains and & groups, every node of one group to every node of the next', () => {
    expect(pairs(ok('flowchart LR\n a --> b --> c').design)).toEqual(['a>b', 'b>c']);
    expect(pairs(ok('flowchart LR\n a & b --> c & d').design)).toEqual(['a>c', 'a>d', 'b>c', 'b>d']);
    expect(pairs(ok('flowchart LR\n a --> b & c --> d').design)).toEqual(['a>b', 'a>c', 'b>d', 'c>d']);
  });

  it('drops self-links and merges repeated links, with warnings', () => {
    const r = ok('flowchart LR\n kafka --> kafka\n kafka --> redis\n kafka -->|again| redis');
    expect(pairs(r.design)).toEqual(['kafka>redis']);
    expect(r.warnings).toEqual(['line 2: link from "kafka" to itself skipped', 'line 4: second link "kafka" → "redis" merged into the first']);
  });

  it('skips Mermaid 11 edge ids and edge metadata', () => {
    const { design } = ok('flowchart LR\n a e1@--> b\n e1@{ animate: true }');
    expect(design.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(pairs(design)).toEqual(['a>b']);
  });
});

describe('nodes', () => {
  it.each([
    ['a[Text]', 'rect'], ['a(Text)', 'round'], ['a([Text])', 'stadium'], ['a[[Text]]', 'subroutine'], ['a[(Text)]', 'cylinder'], ['a((Text))', 'circle'],
    ['a(((Text)))', 'double circle'], ['a{Text}', 'diamond'], ['a{{Text}}', 'hexagon'], ['a>Text]', 'asymmetric'], ['a[/Text/]', 'parallelogram'],
    ['a[\\Text\\]', 'parallelogram (alt)'], ['a[/Text\\]', 'trapezoid'], ['a[\\Text/]', 'trapezoid (alt)'], ['a["Text"]', 'quoted'], ['a@{ shape: rect, label: "Text" }', 'Mermaid 11 shape'],
  ])('%s (%s) gets its text as label', (node) => {
    expect(labelOf(ok(`flowchart LR\n  ${node} --> b`).design, 'a')).toBe('Text');
  });

  it('decodes entity codes and keeps special characters of quoted labels', () => {
    const { design } = ok('flowchart LR\n a["He said #quot;hi#quot; [x] (y) {z} | #35;1 #lt;b#gt; #amp; ♥#9829; &amp; c:d; e --> f"]');
    expect(labelOf(design, 'a')).toBe('He said "hi" [x] (y) {z} | #1 <b> & ♥♥ & c:d; e --> f');
  });

  it('turns <br> into line breaks, drops Font Awesome icons and Markdown emphasis', () => {
    const { design } = ok('flowchart LR\n a["fa:fa-user Users<br/>mobile"] --> b["`**Feature** _store_`"] --> c[fa:fa-database Orders DB]');
    expect(labelOf(design, 'a')).toBe('Users\nmobile');
    expect(labelOf(design, 'b')).toBe('Feature store');
    expect(labelOf(design, 'c')).toBe('Orders DB');
  });

  it('accepts :::class suffixes, semicolons, blank lines and the last text given for a node', () => {
    const { design } = ok('flowchart LR\n\n a:::hot --> b[First]:::cold;\n\n b[Second];c --> a;\n');
    expect(design.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(labelOf(design, 'b')).toBe('Second');
    expect(pairs(design)).toEqual(['a>b', 'c>a']);
  });

  it('labels bare ids with themselves, and leaves out a label equal to the kind name', () => {
    const { design } = ok('flowchart LR\n kafka --> cache1[Redis cache]');
    expect(design.nodes).toMatchObject([{ id: 'kafka', kind: 'queue', label: 'kafka' }, { id: 'cache1', kind: 'cache' }]);
    expect(labelOf(design, 'cache1')).toBeUndefined();
  });

  it('makes ids the design cannot hold valid, and says so', () => {
    const r = ok('flowchart LR\n svc.v1[Service] --> 用户[Users]');
    expect(r.design.nodes.map((n) => n.id)).toEqual(['svc-v1', 'node']);
    expect(r.warnings).toContain('line 2: node id "svc.v1" imported as "svc-v1"');
    expect(r.warnings).toContain('line 2: node id "用户" imported as "node"');
  });

  it('cuts labels longer than a design allows', () => {
    const r = ok(`flowchart LR\n a["${'x'.repeat(300)}"]`);
    expect(labelOf(r.design, 'a')).toHaveLength(120);
    expect(r.warnings).toContain('line 2: label cut to 120 characters');
  });
});

describe('subgraphs and statements that carry no components', () => {
  it('reads every subgraph header form, nesting, direction and end, and never makes subgraphs into nodes', () => {
    const { design } = ok(`flowchart TB
      subgraph one [Ingestion]
        direction LR
        a[Kafka]
        subgraph "Nested title"
          b[Flink]
        end
      end
      subgraph two["Serving"]
        c[Model]
      end
      subgraph three
        d[Redis]
      end
      subgraph Plain words title
        e[Postgres]
      end
      a --> b --> c --> d --> e`);
    expect(design.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(design.nodes.map((n) => n.kind)).toEqual(['queue', 'stream-processor', 'model-server', 'cache', 'database']);
    expect(design.edges).toHaveLength(4);
  });

  it('ignores classDef, class, style, linkStyle and accessibility lines; skips click with a warning', () => {
    const r = ok(`flowchart LR
      a --> b
      classDef hot fill:#f00,stroke:#333;
      class a,b hot
      style a fill:#f9f,stroke:#333,stroke-width:4px
      linkStyle 0 stroke:#ff3,stroke-width:4px
      accTitle: A title
      accDescr { A long
      description }
      click a "javascript:alert(1)" "tip"
      click b call callback()`);
    expect(r.design.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(r.warnings.filter((w) => w.includes('click'))).toEqual(['line 10: "click" ignored: interactions are not imported', 'line 11: "click" ignored: interactions are not imported']);
    expect(JSON.stringify(r.design)).not.toMatch(/javascript|callback/);
  });

  it('treats keyword-like ids that are not statements as nodes', () => {
    const { design } = ok('flowchart LR\n endpoint --> classifier --> styles --> click-1');
    expect(design.nodes.map((n) => n.id)).toEqual(['endpoint', 'classifier', 'styles', 'click-1']);
  });

  it('reads CRLF and lone CR line ends with the right line numbers', () => {
    expect(pairs(ok('flowchart LR\r\n a --> b\r\n b --> c\r\n').design)).toEqual(['a>b', 'b>c']);
    expect(fail('flowchart LR\r a --> b\r c[oops\r').line).toBe(3);
  });
});

describe('kinds', () => {
  it.each([
    ['Kafka', 'queue'], ['Redis', 'cache'], ['Postgres DB', 'database'], ['Triton model server', 'model-server'], ['User', 'client'], ['Users DB', 'database'],
    ['S3 bucket', 'object-store'], ['BigQuery', 'data-warehouse'], ['Feast online features', 'feature-store-online'], ['Offline feature store', 'feature-store-offline'],
    ['Spark Streaming', 'stream-processor'], ['Airflow DAG', 'scheduler'], ['MLflow', 'model-registry'], ['Embedding model', 'embedding-service'],
    ['Re-ranker', 'ranking-service'], ['Canary', 'ab-router'], ['Prometheus', 'metrics'], ['ELK logs', 'logging'], ['Evidently', 'drift-detector'],
    ['PagerDuty', 'alerting'], ['Labeling', 'human-review'], ['Model training', 'training-cluster'], ['TorchServe', 'model-server'], ['Milvus', 'vector-index'],
  ])('"%s" → %s', (label, kind) => {
    expect(kindOf(ok(`flowchart LR\n n1["${label}"]`).design, 'n1')).toBe(kind);
  });

  it('uses the id when the label names nothing, then the cylinder shape, then the subgraph stage, then a default', () => {
    const r = ok(`flowchart LR
      redis1[Session data]
      orders[(Orders)]
      subgraph Monitoring
        panel[Ops panel]
      end
      thing[Something]`);
    expect(r.design.nodes.map((n) => n.kind)).toEqual(['cache', 'database', 'metrics', 'api-gateway']);
    expect(r.warnings).toEqual([
      'line 3: "Orders" imported as Postgres (database) because of its cylinder shape',
      'line 5: "Ops panel" imported as Metrics (metrics), the usual component of its "Monitoring" group',
      'line 7: "Something" matches no known component; imported as API gateway (api-gateway)',
    ]);
  });

  it('follows %% mlsd: hints for kinds, ids and edge numbers, and reports hints it cannot use', () => {
    const r = ok(`flowchart LR
      m_end[Thing] -->|"×3 · 50% hit · fetch"| b[Other]
      %% mlsd: node m_end kind=vector-index id=end
      %% mlsd: node b kind=not-a-kind
      %% mlsd: edge m_end b calls=3 hit=0.5
      %% mlsd: node ghost kind=cache`);
    expect(r.design.nodes.map((n) => [n.id, n.kind])).toEqual([['end', 'vector-index'], ['b', 'api-gateway']]);
    expect(r.design.edges).toEqual([{ from: 'end', to: 'b', callsPerRequest: 3, hitRatio: 0.5, label: 'fetch' }]);
    expect(r.warnings).toEqual([
      'line 4: hint kind "not-a-kind" is not a known component kind',
      'line 2: "Other" matches no known component; imported as API gateway (api-gateway)',
      'line 6: hint for node "ghost" names no node in the diagram',
    ]);
  });
});

describe('refusals name the line and the reason', () => {
  it.each([
    ['', 1, /no diagram/],
    ['%% only a comment\n', 1, /no diagram/],
    ['sequenceDiagram\n  A->>B: hi', 1, /sequenceDiagram diagrams are not supported/],
    ['%% notes\n\nclassDiagram\n  class A', 3, /classDiagram diagrams are not supported/],
    ['erDiagram', 1, /erDiagram diagrams are not supported/],
    ['gantt\n title x', 1, /gantt diagrams are not supported/],
    ['hello world', 1, /not a Mermaid flowchart.*"hello"/],
    ['flowchart XY\n a --> b', 1, /unknown direction "XY"/],
    ['flowchart LR\n a --> b\n c[oops\n d', 3, /"\[" is never closed/],
    ['flowchart LR\n a --> b\n end', 3, /"end" without a matching "subgraph"/],
    ['flowchart LR\n a --> b\n subgraph s1 [One]\n c\n', 3, /subgraph "s1" is never closed/],
    ['flowchart LR\n a -->', 2, /no node after it/],
    ['flowchart LR\n a --> b c', 2, /unexpected "c"/],
    ['flowchart LR\n\n a["open string --> b', 3, /never closed/],
    ['flowchart LR\n a -->|text b', 2, /"\|" is never closed/],
    ['flowchart LR\n a -- text b', 2, /no closing arrow/],
    ['flowchart LR\n a ==> (b)', 2, /expected a node id/],
    ['flowchart LR\n %%{init: {}', 2, /directive/],
    ['---\ntitle: x\nflowchart LR', 1, /front matter/],
    ['architecture-beta\n service a(server)[A]\n what is this', 3, /cannot read "what is this" in architecture-beta/],
  ])('%j → line %i', (text, line, message) => {
    const r = fail(text);
    expect(r.line).toBe(line);
    expect(r.message).toMatch(message);
  });
});

describe('big and hostile input', () => {
  it('refuses more than 1 MB without reading it', () => {
    const t = performance.now();
    const r = fail(`flowchart LR\n${'a --> b\n'.repeat(200_000)}`);
    expect(r).toEqual({ ok: false, line: 1, message: 'the diagram is 1.5 MB; Mermaid import reads at most 1.0 MB' });
    expect(fail('x'.repeat(50_000_000)).message).toMatch(/at least 47\.7 MB/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('refuses more than 5000 nodes or 20000 links at the line that crosses the limit', () => {
    expect(fail(`flowchart LR\n${Array.from({ length: 5001 }, (_, i) => `n${i}`).join('\n')}`)).toMatchObject({ line: 5002, message: expect.stringMatching(/more than 5000 nodes/) });
    const group = (p: string) => Array.from({ length: 150 }, (_, i) => `${p}${i}`).join(' & ');
    expect(fail(`flowchart LR\n${group('a')} --> ${group('b')}`)).toMatchObject({ line: 2, message: expect.stringMatching(/more than 20000 links/) });
  });

  it('lays out 5000 nodes quickly, inside the canvas bounds', () => {
    const t = performance.now();
    const { design } = ok(`flowchart LR\n${Array.from({ length: 5000 }, (_, i) => `n${i}`).join(' --> ')}`);
    expect(design.nodes).toHaveLength(5000);
    expect(design.edges).toHaveLength(4999);
    expect(design.nodes.every((n) => n.position && Math.abs(n.position.x) <= 1e6 && Math.abs(n.position.y) <= 1e6)).toBe(true);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it.each([
    ['a run of dashes', `flowchart LR\na ${'-'.repeat(900_000)}`],
    ['a run of dots after -.', `flowchart LR\na -${'.'.repeat(900_000)}`],
    ['a run of equals', `flowchart LR\na ${'='.repeat(900_000)}`],
    ['unclosed brackets on every line', `flowchart LR\n${'a[x\n'.repeat(200_000)}`],
    ['an endless subgraph title', `flowchart LR\nsubgraph a [${' '.repeat(900_000)}x`],
    ['an unclosed string', `flowchart LR\na["${'x'.repeat(900_000)}`],
    ['many # and < in a label', `flowchart LR\na["${'#<a '.repeat(200_000)}"]`],
    ['Markdown markers', `flowchart LR\na["\`${'*_'.repeat(400_000)}\`"]`],
  ])('finishes fast on %s', (_name, text) => {
    const t = performance.now();
    mermaidToDesign(text);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
