import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../src/domain/design/ops.ts';
import type { Design, DesignEdge, DesignNode } from '../../../src/domain/design/schema.ts';
import { designToMermaid } from '../../../src/domain/export/mermaidExport.ts';
import { isSafeMermaidId, mermaidIds } from '../../../src/domain/export/mermaidIds.ts';
import { decodeLabel, encodeLabel } from '../../../src/domain/export/mermaidText.ts';

function design(nodes: DesignNode[], edges: DesignEdge[] = [], name = 'Test design'): Design {
  return { ...emptyDesign(name), nodes, edges };
}

const body = (text: string) => text.split('\n').map((l) => l.trim());

describe('label escaping', () => {
  it('codes quotes, pipes, #, HTML characters, colons and semicolons; newlines become <br>', () => {
    expect(encodeLabel('He said "hi" [x] | #1 <b> & c: d;\nnext')).toBe('He said #quot;hi#quot; [x] #124; #35;1 #lt;b#gt; #amp; c#58; d#59;<br>next');
  });

  it('codes spaces at either end, control characters and line separators, but keeps inner spaces and unicode', () => {
    expect(encodeLabel(' a  b ')).toBe('#32;a  b#32;');
    expect(encodeLabel('tab\there\u2028ü 中文 🚀')).toBe('tab#9;here#8232;ü 中文 🚀');
  });

  it("breaks up the word Mermaid's lexer reads as a direction statement anywhere", () => {
    expect(encodeLabel('direction LR')).toBe('#100;irection LR');
  });

  it('decodes what it encodes, and Mermaid-style and HTML-style codes written by hand', () => {
    for (const text of ['"#quot;" & #35; | <br> ; :', ' edge ', 'a\nb', '&amp;', '#amp;', '`md`', 'fa:fa-user']) expect(decodeLabel(encodeLabel(text))).toBe(text);
    expect(decodeLabel('#quot;x#quot; #9829; &amp; &#35; &#x41; <br/> <b>bold</b> #unknown;')).toBe('"x" ♥ & # A \n bold #unknown;');
  });
});

describe('Mermaid ids', () => {
  it('keeps ordinary ids and replaces keyword-like ones deterministically', () => {
    for (const id of ['cache-1', 'model-server-2', 'o1', 'x-ray', 'odd', 'endpoint', 'classifier', 'End_1', '42']) expect(isSafeMermaidId(id)).toBe(true);
    for (const id of ['end', 'END', 'end-1', 'graph', 'subgraph', 'style-2', 'class', 'click', 'classDef', 'a--b', '-a', 'b-', 'direction', 'my-direction', '_self', 'accDescr']) expect(isSafeMermaidId(id)).toBe(false);
    const ids = mermaidIds(['end', 'm_end', 'class-1', 'cache-1', 'x--y', 'direction-1']);
    expect(Object.fromEntries(ids)).toEqual({ end: 'm_end_2', m_end: 'm_end', 'class-1': 'm_class_1', 'cache-1': 'cache-1', 'x--y': 'm_x__y', 'direction-1': 'm_Direction_1' });
    expect(mermaidIds(['end', 'm_end', 'class-1', 'cache-1', 'x--y', 'direction-1'])).toEqual(ids);
  });
});

describe('designToMermaid', () => {
  const fraud = design(
    [
      { id: 'client-1', kind: 'client' },
      { id: 'queue-1', kind: 'queue', label: 'Kafka' },
      { id: 'db-main', kind: 'database', label: 'Orders' },
      { id: 'cache-1', kind: 'cache' },
      { id: 'model-server-1', kind: 'model-server', label: 'Fraud scorer' },
      { id: 'metrics-1', kind: 'metrics' },
      { id: 'orders', kind: 'database', label: 'Orders' },
      { id: 'risk', kind: 'model-server', label: 'Risk engine' },
    ],
    [
      { from: 'client-1', to: 'queue-1' },
      { from: 'queue-1', to: 'cache-1', callsPerRequest: 2, label: 'lookups' },
      { from: 'cache-1', to: 'db-main', hitRatio: 0.85 },
      { from: 'queue-1', to: 'model-server-1', label: 'score' },
      { from: 'model-server-1', to: 'metrics-1' },
    ],
    'Fraud <v2> 100%',
  );
  const text = designToMermaid(fraud);
  const lines = body(text);

  it('starts with a front-matter title and a left-to-right flowchart', () => {
    expect(lines.slice(0, 4)).toEqual(['---', 'title: "Fraud \\u003cv2\\u003e 100\\u0025"', '---', 'flowchart LR']);
  });

  it('has one subgraph per stage that has nodes, in stage order, each with its nodes', () => {
    expect(lines.filter((l) => l.startsWith('subgraph'))).toEqual(['subgraph stage_ingestion ["Ingestion"]', 'subgraph stage_storage ["Storage"]', 'subgraph stage_serving ["Serving"]', 'subgraph stage_monitoring ["Monitoring"]']);
    expect(lines.filter((l) => l === 'end')).toHaveLength(4);
    const storage = lines.slice(lines.indexOf('subgraph stage_storage ["Storage"]') + 1, lines.indexOf('subgraph stage_serving ["Serving"]') - 1);
    expect(storage).toEqual(['db-main[("Orders")]', 'cache-1(("Redis cache"))', 'orders[("Orders")]']);
  });

  it('gives each kind family a shape and each node its label (or its kind name)', () => {
    expect(lines).toContain('client-1(["Clients"])');
    expect(lines).toContain('queue-1[["Kafka"]]');
    expect(lines).toContain('model-server-1("Fraud scorer")');
    expect(lines).toContain('metrics-1>"Metrics"]');
  });

  it('labels edges with calls, hit ratio and label, and keeps the exact numbers in hints', () => {
    expect(lines).toContain('client-1 --> queue-1');
    expect(lines).toContain('queue-1 -->|"×2 · lookups"| cache-1');
    expect(lines).toContain('cache-1 -->|"85#37; hit"| db-main');
    expect(lines).toContain('queue-1 -->|"score"| model-server-1');
    expect(lines).toContain('%% mlsd: edge queue-1 cache-1 calls=2');
    expect(lines).toContain('%% mlsd: edge cache-1 db-main hit=0.85');
  });

  it('colours stages with classDef and class lines', () => {
    expect(lines).toContain('classDef storage fill:#fff3e0,stroke:#e65100,color:#4e2600');
    expect(lines).toContain('class db-main,cache-1,orders storage');
    expect(lines.filter((l) => l.startsWith('classDef'))).toHaveLength(4);
  });

  it('hints kinds only where label and id would not import back to them', () => {
    const hints = lines.filter((l) => l.startsWith('%% mlsd: node'));
    // "db-main" and "Fraud scorer" name their kinds; "Orders"/"orders" and "Risk engine"/"risk" name nothing,
    // so without a hint they would come back only through their shape or stage, with a warning.
    expect(hints).toEqual(['%% mlsd: node orders kind=database', '%% mlsd: node risk kind=model-server']);
  });

  it('is deterministic', () => {
    expect(designToMermaid(fraud)).toBe(text);
  });

  it('replaces keyword ids and keeps the original in a hint; subgraph names avoid node ids', () => {
    const t = body(designToMermaid(design([
      { id: 'end', kind: 'cache' },
      { id: 'stage_storage', kind: 'database' },
      { id: 'style-1', kind: 'logging', label: 'a "quoted" | label' },
    ], [{ from: 'end', to: 'style-1' }])));
    expect(t).toContain('m_end(("Redis cache"))');
    expect(t).toContain('subgraph stage_storage_2 ["Storage"]');
    expect(t).toContain('m_style_1>"a #quot;quoted#quot; #124; label"]');
    expect(t).toContain('m_end --> m_style_1');
    expect(t).toContain('%% mlsd: node m_end kind=cache id=end');
    expect(t).toContain('%% mlsd: node m_style_1 kind=logging id=style-1');
  });

  it('writes an empty design as a bare flowchart', () => {
    expect(designToMermaid(design([]))).toBe('---\ntitle: "Test design"\n---\nflowchart LR\n');
  });
});
