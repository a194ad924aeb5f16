import { describe, expect, it } from 'vitest';
import { farEdgesPath } from '../../../src/ui/canvas/farEdgesPath.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../src/domain/design/layout.ts';

const design = {
  nodes: [
    { id: 'a', kind: 'client', position: { x: 0, y: 0 } },
    { id: 'b', kind: 'cache', position: { x: 400, y: 100 } },
    { id: 'c', kind: 'database', position: { x: 800, y: 0 } },
  ],
  edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }],
};

describe('zoomed-out connections', () => {
  it('draws a stepped line from the right middle of the source to the left middle of the target', () => {
    const mid = Math.round((NODE_WIDTH + 400) / 2);
    expect(farEdgesPath(design)).toBe(
      `M${NODE_WIDTH} ${NODE_HEIGHT / 2}H${mid}V${100 + NODE_HEIGHT / 2}H400` +
        `M${400 + NODE_WIDTH} ${100 + NODE_HEIGHT / 2}H${Math.round((400 + NODE_WIDTH + 800) / 2)}V${NODE_HEIGHT / 2}H800`,
    );
  });

  it('keeps only the edges asked for, so a drag redraws only the moving ones', () => {
    const moving = farEdgesPath(design, (e) => e.from === 'b' || e.to === 'b');
    const rest = farEdgesPath(design, (e) => !(e.from === 'b' || e.to === 'b'));
    expect(moving.match(/M/g)).toHaveLength(2);
    expect(rest).toBe('');
  });
});
