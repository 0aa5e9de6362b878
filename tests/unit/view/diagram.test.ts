import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { diagramModel, nodeFor } from '../../../src/lib/view/diagram/model';
import { HEIGHT, layoutDiagram, NAIVE_MAX_CHANNELS, verticalRibbon } from '../../../src/lib/view/diagram/layout';

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the diagram model', () => {
  const cost = networkCost();
  it('draws the stem, nine modules, pools, head and two training-only heads', () => {
    const m = diagramModel(cost, new Set());
    const ids = m.nodes.map((n) => n.id);
    expect(ids.slice(0, 5)).toEqual(['data', 'conv1/7x7_s2', 'pool1/3x3_s2', 'conv2/3x3_reduce', 'conv2/3x3']);
    expect(m.nodes.filter((n) => n.kind === 'module')).toHaveLength(9);
    expect(m.aux.map((a) => a.id)).toEqual(['loss1', 'loss2']);
    expect(m.aux.every((a) => a.trainingOnly)).toBe(true);
    expect(ids.indexOf('loss1')).toBe(ids.indexOf('inception_4a') + 1);
    expect(ids.at(-1)).toBe('prob');
    // LRN joins the layer before it.
    expect(nodeFor(m, 'pool1/norm1')!.id).toBe('pool1/3x3_s2');
    expect(nodeFor(m, 'pool1/norm1')!.tag).toBe('+ LRN');
    // One main edge between consecutive entries, one per aux head.
    expect(m.edges.filter((e) => e.kind === 'main')).toHaveLength(m.items.length - 1);
    expect(m.edges.filter((e) => e.kind === 'aux').map((e) => e.from)).toEqual(['inception_4a', 'inception_4d']);
  });

  it('opens a module into its four branches and the concatenation, channels on the edges', () => {
    const m = diagramModel(cost, new Set(['inception_4c']));
    const item = m.items.find((i) => i.type === 'open')!;
    if (item.type !== 'open') throw new Error('unreachable');
    expect(item.branches.map((b) => b.map((n) => n.title))).toEqual([
      ['1×1 conv'],
      ['1×1 reduce', '3×3 conv'],
      ['1×1 reduce', '5×5 conv'],
      ['3×3 pool', '1×1 proj']
    ]);
    expect(item.concat.id).toBe('inception_4c/output');
    const channels = (kind: string) => m.edges.filter((e) => e.kind === kind && e.id.includes('4c')).map((e) => e.channels);
    expect(channels('fan')).toEqual([512, 512, 512, 512]);
    expect(channels('inner')).toEqual([128, 24, 512]);
    expect(channels('merge')).toEqual([128, 256, 64, 64]);
    const naive = diagramModel(networkCost({ naive: ['inception_4c'] }), new Set(['inception_4c']));
    const merges = naive.edges.filter((e) => e.kind === 'merge').map((e) => e.channels);
    expect(merges).toEqual([128, 256, 64, 512]); // the pool passes its whole input through
  });
});

describe('the diagram layout', () => {
  const cost = networkCost({ naive: 'all' });
  for (const width of [328, 600]) {
    it(`places nothing on top of anything at ${width}px, details included`, () => {
      const m = diagramModel(cost, new Set(['inception_4a', 'inception_4d']));
      const l = layoutDiagram(m, { width, detail: { node: 'inception_4a/3x3', height: 200 } });
      const boxes = [...l.nodes, l.detail!];
      for (let i = 0; i < boxes.length; i += 1) {
        expect(boxes[i].x).toBeGreaterThanOrEqual(0);
        expect(boxes[i].x + boxes[i].w).toBeLessThanOrEqual(width);
        for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i], boxes[j]), `${i} ${j}`).toBe(false);
      }
      expect(l.detail!.after).toBe('loss1');
      expect(l.height).toBeGreaterThan(l.detail!.y + 200);
    });
  }

  it('draws ribbons proportional to channels', () => {
    const l = layoutDiagram(diagramModel(cost, new Set()), { width: 600 });
    const into5b = l.edges.find((e) => e.edge.to === 'pool5/7x7_s1')!;
    expect(into5b.edge.channels).toBe(NAIVE_MAX_CHANNELS);
    const into3b = l.edges.find((e) => e.edge.to === 'inception_3b')!;
    expect(into3b.width / into5b.width).toBeCloseTo(416 / 4944, 6);
    expect(l.nodes.find((n) => n.node.id === 'prob')!.h).toBe(HEIGHT.compact);
    expect(verticalRibbon(10, 0, 10, 20, 4)).toBe('M8,0V0C8,10 8,10 8,20V20H12V20C12,10 12,10 12,0V0Z');
  });
});
