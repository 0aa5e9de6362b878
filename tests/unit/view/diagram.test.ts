import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { diagramModel, nodeFor } from '../../../src/lib/view/diagram/model';
import { GAP, HEIGHT, layoutDiagram, NAIVE_MAX_CHANNELS, verticalRibbon } from '../../../src/lib/view/diagram/layout';

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

  it('opens an auxiliary head into its six layers, each its own node, channels on the edges', () => {
    const closed = diagramModel(cost, new Set());
    expect(closed.auxLayers.size).toBe(0);
    expect(closed.edges.some((e) => e.kind === 'auxInner')).toBe(false);
    const m = diagramModel(cost, new Set(['loss1']));
    const layers = m.auxLayers.get('loss1')!;
    expect(m.auxLayers.has('loss2')).toBe(false);
    expect(layers.map((n) => n.title)).toEqual(['avg pool 5×5/3', '1×1 conv 128', 'fc 1024', 'dropout 70%', 'fc 1000', 'softmax']);
    expect(layers.map((n) => n.id)).toEqual(cost.aux[0].layers.map((l) => l.name));
    expect(layers.map((n) => n.kind)).toEqual(['pool', 'conv', 'fc', 'dropout', 'fc', 'softmax']);
    expect(layers.every((n) => n.head === 'loss1' && n.trainingOnly && n.layers.length === 1)).toBe(true);
    expect(layers.map((n) => n.output.join('×'))).toEqual(['4×4×512', '4×4×128', '1×1×1024', '1×1×1024', '1×1×1000', '1×1×1000']);
    // Each layer carries its own cost, and together they are the head's.
    expect(layers.reduce((s, n) => s + n.cost.macs, 0)).toBe(cost.aux[0].macs);
    expect(layers.reduce((s, n) => s + n.cost.params, 0)).toBe(cost.aux[0].params);
    // The head's input (inception 4a's 512 channels) down through the layers, each edge the channels above it.
    const inner = m.edges.filter((e) => e.kind === 'auxInner');
    expect(inner.map((e) => [e.from, e.to])).toEqual(layers.map((n, i) => [i ? layers[i - 1].id : 'loss1', n.id]));
    expect(inner.map((e) => e.channels)).toEqual([512, 512, 128, 1024, 1024, 1000]);
    expect(inner.every((e) => e.labelled)).toBe(true);
    // Reading (and tab) order: the head, then its layers, then the next entry of the spine.
    const ids = m.nodes.map((n) => n.id);
    const at = ids.indexOf('loss1');
    expect(ids.slice(at, at + 8)).toEqual(['loss1', ...layers.map((n) => n.id), 'inception_4b']);
    expect(nodeFor(m, 'loss1/conv')).toBe(layers[1]);
    // Closed, a layer's name still finds its head.
    expect(nodeFor(closed, 'loss1/conv')!.id).toBe('loss1');
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

  for (const width of [328, 600, 1000]) {
    it(`stacks an open head's layers in the side column at ${width}px, clear of the spine and the next head`, () => {
      const m = diagramModel(networkCost(), new Set(['loss1', 'loss2', 'inception_4a']));
      const l = layoutDiagram(m, { width, detail: { node: 'loss1/fc', height: 240 } });
      const box = (id: string) => l.nodes.find((n) => n.node.id === id)!;
      for (const head of ['loss1', 'loss2']) {
        const h = box(head);
        const layers = m.auxLayers.get(head)!.map((n) => box(n.id));
        let above = h;
        for (const b of layers) {
          // Same column as the head, one below the other with room for the channel count.
          expect(b.size).toBe('auxLayer');
          expect([b.x, b.w]).toEqual([h.x, h.w]);
          expect(b.x + b.w).toBeLessThanOrEqual(width);
          expect(b.y).toBe(above.y + above.h + GAP.auxStep);
          above = b;
        }
        // Nothing else overlaps the column from the head down to its last layer.
        const column = { x: h.x, y: h.y, w: h.w, h: above.y + above.h - h.y };
        for (const n of l.nodes)
          if (n.node.id !== head && n.node.head !== head) expect(overlaps(n, column), `${head} / ${n.node.id}`).toBe(false);
        expect(overlaps(l.detail!, column), `${head} / detail`).toBe(false);
      }
      // The spine waits for the head: the next module starts below its softmax.
      expect(box('inception_4b').y).toBeGreaterThanOrEqual(box('loss1/prob').y + HEIGHT.auxLayer + GAP.main);
      // The details of a layer in the head come after the head's last layer.
      expect(l.detail!.after).toBe('loss1/prob');
      expect(l.detail!.y).toBeGreaterThan(box('loss1/prob').y + HEIGHT.auxLayer);
      expect(l.detail!.y + l.detail!.h).toBeLessThanOrEqual(box('inception_4b').y);
      // Ribbons between the layers: vertical, on the common scale, from one node's bottom to the next one's top.
      const into = l.edges.find((e) => e.edge.id === 'loss1/fc/in')!;
      expect(into.edge.channels).toBe(128);
      expect(into.width).toBeCloseTo(128 * l.pxPerChannel, 9);
      const [from, to] = [box('loss1/conv'), box('loss1/fc')];
      const mid = from.x + from.w / 2;
      expect(into.path).toBe(verticalRibbon(mid, from.y + from.h, mid, to.y, into.width));
      expect(into.label).toEqual({ x: mid, y: (from.y + from.h + to.y) / 2, text: '128' });
      const widest = l.edges.find((e) => e.edge.id === 'loss1/drop_fc/in')!;
      expect(widest.width).toBeLessThan(from.w);
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
