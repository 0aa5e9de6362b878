import { describe, expect, it } from 'vitest';
import { heroModel } from '../../../src/lib/view/hero';
import { stripLayout } from '../../../src/lib/view/diagram/strip';

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the compact strip of the diagram', () => {
  const model = heroModel();
  for (const width of [300, 328, 600]) {
    it(`places the whole main column in rows at ${width}px, none outside it, next nodes side by side or one below`, () => {
      const s = stripLayout(model, { width, nodeWidth: 70, nodeHeight: 70, gap: 16, rowGap: 24 });
      expect(s.nodes.map((p) => p.node.id)).toEqual(model.items.map((i) => (i.type === 'node' ? i.node.id : i.header.id)));
      expect(s.nodes[0]!.node.id).toBe('data');
      expect(s.nodes.at(-1)!.node.id).toBe('prob');
      for (const p of s.nodes) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x + p.w).toBeLessThanOrEqual(width);
        expect(p.y + p.h).toBeLessThanOrEqual(s.height);
      }
      s.nodes.forEach((a, i) => s.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
      s.nodes.slice(1).forEach((b, i) => {
        const a = s.nodes[i]!;
        const step = a.y === b.y ? Math.abs(b.x - a.x) : b.y - a.y;
        expect(step).toBe(a.y === b.y ? 86 : 94);
        if (a.y !== b.y) expect(b.x).toBe(a.x); // a row ends where the next one starts
      });
      expect(s.edges).toHaveLength(s.nodes.length - 1);
      // One scale: within a row, more channels make a wider ribbon.
      const sideways = s.edges.filter((e) => s.nodes.find((p) => p.node.id === e.edge.from)!.y === s.nodes.find((p) => p.node.id === e.edge.to)!.y);
      const sorted = [...sideways].sort((a, b) => a.edge.channels - b.edge.channels);
      sorted.slice(1).forEach((e, i) => expect(e.width).toBeGreaterThanOrEqual(sorted[i]!.width));
    });
  }
});
