import type { Design, DesignNode } from '../../../src/domain/design/schema.ts';
import { DOC_FORMAT, DOC_VERSION, type DesignDoc } from '../../../src/domain/doc/format.ts';
import type { VersionContent } from '../../../src/domain/history/content.ts';

export const node = (id: string, extra: Partial<DesignNode> = {}): DesignNode => ({ id, kind: 'cache', position: { x: 0, y: 0 }, ...extra });

/** A chain n0 → n1 → … of `count` caches. */
export function chain(count: number, name = 'D'): Design {
  const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`, { position: { x: i * 200, y: 0 } }));
  const edges = nodes.slice(1).map((n, i) => ({ from: `n${i}`, to: n.id }));
  return { format: 'mlsd-design', version: 1, name, workload: { rps: 100 }, nodes, edges };
}

export const doc = (markdown: string, extra: Partial<DesignDoc> = {}): DesignDoc => ({ format: DOC_FORMAT, version: DOC_VERSION, id: 'k1', title: 'Doc', templateId: 'capstone', designId: null, markdown, createdAt: 1, updatedAt: 2, ...extra });

export const asDesign = (design: Design): VersionContent => ({ kind: 'design', design });
export const asDoc = (d: DesignDoc): VersionContent => ({ kind: 'doc', doc: d });
