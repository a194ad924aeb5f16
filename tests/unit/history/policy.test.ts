import { describe, expect, it } from 'vitest';
import { AUTO_INTERVAL_MS, changeSize, shouldSnapshot } from '../../../src/domain/history/policy.ts';
import { asDesign, asDoc, chain, doc } from './fixtures.ts';

const T = 1_000_000_000;

describe('shouldSnapshot', () => {
  it('takes the first version of a target', () => {
    expect(shouldSnapshot(null, asDesign(chain(1)), T)).toEqual({ take: true, reason: 'first' });
  });

  it('never takes a version of unchanged content, however long ago the latest was', () => {
    const c = asDesign(chain(3));
    expect(shouldSnapshot({ createdAt: T - 10 * AUTO_INTERVAL_MS, content: asDesign(chain(3)) }, c, T)).toEqual({ take: false, reason: 'unchanged' });
    expect(shouldSnapshot({ createdAt: T - 10 * AUTO_INTERVAL_MS, content: asDesign(chain(3)) }, c, T, true)).toEqual({ take: false, reason: 'unchanged' });
  });

  it('takes a small change only once the interval has passed since the latest version, or on close', () => {
    const latest = { createdAt: T, content: asDesign(chain(3)) };
    const small = asDesign(chain(4)); // one node and one edge added: 2 changes
    expect(shouldSnapshot(latest, small, T + AUTO_INTERVAL_MS - 1)).toEqual({ take: false, reason: 'too-soon' });
    expect(shouldSnapshot(latest, small, T + AUTO_INTERVAL_MS)).toEqual({ take: true, reason: 'interval' });
    expect(shouldSnapshot(latest, small, T + 1000, true)).toEqual({ take: true, reason: 'interval' });
  });

  it('takes a big change at once: five or more components/connections', () => {
    const latest = { createdAt: T, content: asDesign(chain(3)) };
    expect(changeSize(latest.content, asDesign(chain(4)))).toBe('small'); // +1 node +1 edge
    expect(changeSize(latest.content, asDesign(chain(5)))).toBe('small'); // +2 +2
    expect(changeSize(latest.content, asDesign(chain(6)))).toBe('big'); // +3 +3
    expect(shouldSnapshot(latest, asDesign(chain(6)), T + 1)).toEqual({ take: true, reason: 'big-change' });
  });

  it('moving components is a small change, however many moved', () => {
    const a = chain(20);
    const moved = { ...a, nodes: a.nodes.map((n) => ({ ...n, position: { x: n.position!.x + 5, y: 40 } })) };
    expect(changeSize(asDesign(a), asDesign(moved))).toBe('small');
  });

  it('a doc change is big at 500 characters, at 20% of a doc of 100+ characters, or at 20 lines', () => {
    const base = 'x'.repeat(5000);
    expect(changeSize(asDoc(doc(base)), asDoc(doc(base + 'y'.repeat(499))))).toBe('small');
    expect(changeSize(asDoc(doc(base)), asDoc(doc(base + 'y'.repeat(500))))).toBe('big');
    expect(changeSize(asDoc(doc('a'.repeat(400))), asDoc(doc('a'.repeat(400) + 'b'.repeat(99))))).toBe('small'); // under 100 chars
    expect(changeSize(asDoc(doc('a'.repeat(400))), asDoc(doc('a'.repeat(400) + 'b'.repeat(100))))).toBe('big'); // 25%
    expect(changeSize(asDoc(doc('short')), asDoc(doc('shorter')))).toBe('small');
    const lines = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const rewritten = lines.map((l, i) => (i < 10 ? `${l}!` : l)); // 10 changed lines: 10 added + 10 removed
    expect(changeSize(asDoc(doc(lines.join('\n'))), asDoc(doc(rewritten.join('\n'))))).toBe('big');
  });

  it('treats a latest version that no longer reads as a big difference', () => {
    expect(shouldSnapshot({ createdAt: T, content: null }, asDesign(chain(1)), T + 1)).toEqual({ take: true, reason: 'big-change' });
  });
});
