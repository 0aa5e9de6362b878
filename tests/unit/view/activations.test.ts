import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { inceptionModules } from '../../../src/lib/core/network';
import { tapShapes } from '../../../src/lib/engine/googlenet';
import { channelMeans, levelsToRgba, nodeThumbnails, nodeTaps, shrinkChannel, topChannels, type TapValues } from '../../../src/lib/view/activations';
import { diagramModel } from '../../../src/lib/view/diagram/model';

/** A [h, w, c] tap whose value at (y, x, c) is f(y, x, c). */
function tap(height: number, width: number, channels: number, f: (y: number, x: number, c: number) => number): TapValues {
  const data = new Float32Array(height * width * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = f(y, x, c);
  return { height, width, channels, data };
}

describe('the most active channels', () => {
  it('ranks channels by mean activation, most active first, ties by channel', () => {
    // channel 1: one bright pixel (mean 9/16); channel 2: 1 everywhere (mean 1); channel 3 ties channel 0.
    const t = tap(4, 4, 4, (y, x, c) => (c === 1 ? (y === 0 && x === 0 ? 9 : 0) : c === 2 ? 1 : 0.25));
    expect(Array.from(channelMeans(t))).toEqual([0.25, 9 / 16, 1, 0.25]);
    expect(topChannels(t, 3)).toEqual([2, 1, 0]);
    expect(topChannels(t, 10)).toEqual([2, 1, 0, 3]);
    expect(topChannels(t, 0)).toEqual([]);
  });
});

describe('thumbnails', () => {
  it('averages a large map down to 28x28 and keeps a small one as it is', () => {
    const big = tap(112, 112, 1, (y, x) => (y < 56 && x < 56 ? 4 : 0));
    const s = shrinkChannel(big, 0);
    expect([s.width, s.height]).toEqual([28, 28]);
    expect(s.values[0]).toBe(4);
    expect(s.values[27]).toBe(0);
    expect(s.values[27 * 28]).toBe(0);
    const odd = tap(7, 7, 2, (y, x, c) => c * (y * 7 + x));
    const k = shrinkChannel(odd, 1);
    expect([k.width, k.height]).toEqual([7, 7]);
    expect(Array.from(k.values)).toEqual(Array.from({ length: 49 }, (_, i) => i));
    // Non-integer ratios: boxes of 2 or 3 pixels that tile the map (first box rows/columns 0-1).
    const ramp = tap(56, 56, 1, (y, x) => y + x);
    const r = shrinkChannel(ramp, 0, 20);
    expect(r.values[0]).toBe(1);
    expect(r.values[20 * 20 - 1]).toBe(54 + 54); // last box: rows and columns 53-55
    for (let i = 1; i < 20; i++) expect(r.values[i]).toBeGreaterThan(r.values[i - 1]!);
  });

  it('puts every thumbnail of a node on one scale: its largest pixel is 255', () => {
    // channel 0 peaks at 8, channel 1 is 2 everywhere (the same mean: a tie); negatives clamp to 0.
    const t = tap(2, 2, 3, (y, x, c) => (c === 0 ? (y === 0 && x === 0 ? 8 : 0) : c === 1 ? 2 : -1));
    const n = nodeThumbnails(t, 2);
    expect(n.scale).toBe(8);
    expect(n.thumbs.map((th) => th.channel)).toEqual([0, 1]);
    const byChannel = new Map(n.thumbs.map((th) => [th.channel, th]));
    expect(Array.from(byChannel.get(0)!.levels)).toEqual([255, 0, 0, 0]);
    expect(Array.from(byChannel.get(1)!.levels)).toEqual([64, 64, 64, 64]);
    expect(byChannel.get(1)!.mean).toBe(2);
    const dark = nodeThumbnails(tap(2, 2, 1, () => -3), 1);
    expect(dark.scale).toBe(0);
    expect(Array.from(dark.thumbs[0]!.levels)).toEqual([0, 0, 0, 0]);
  });
});

describe('thumbnail colours', () => {
  it('paints levels in the live colour map, opaque', () => {
    const rgba = levelsToRgba(Uint8Array.from([0, 255]));
    expect(rgba).toHaveLength(8);
    expect([rgba[3], rgba[7]]).toEqual([255, 255]);
    expect(rgba[0]! + rgba[1]! + rgba[2]!).toBeLessThan(30); // inferno: near black at 0
    expect(rgba[4]! + rgba[5]! + rgba[6]!).toBeGreaterThan(500); // pale yellow at 255
  });
});

describe('the tap behind each node of the diagram', () => {
  const cost = networkCost();
  const shapes = tapShapes(cost.plan);
  const everythingOpen = new Set([...inceptionModules().map((m) => m.name), ...cost.aux.map((a) => a.name)]);

  for (const [what, open] of [
    ['closed', new Set<string>()],
    ['with every module and head open', everythingOpen]
  ] as const) {
    it(`names a tap the engine has for every node but the input, ${what}`, () => {
      const model = diagramModel(cost, open);
      const taps = nodeTaps(model, cost.plan);
      expect([...taps.keys()]).toEqual(model.nodes.map((n) => n.id));
      for (const [id, name] of taps) {
        if (id === 'data') expect(name).toBeNull();
        else expect(shapes.has(name!), `${id} -> ${name}`).toBe(true);
      }
    });
  }

  it('feeds a closed module its output, a branch step its own, an LRN-merged layer the LRN', () => {
    const taps = nodeTaps(diagramModel(cost, everythingOpen), cost.plan);
    const closed = nodeTaps(diagramModel(cost, new Set()), cost.plan);
    expect(closed.get('inception_3a')).toBe('inception_3a/output');
    expect(taps.get('inception_3a/output')).toBe('inception_3a/output');
    expect(taps.get('inception_3a/5x5_reduce')).toBe('inception_3a/5x5_reduce');
    expect(taps.get('pool1/3x3_s2')).toBe('pool1/norm1');
    expect(taps.get('loss1')).toBe('loss1/ave_pool');
    expect(shapes.get(taps.get('loss1')!)).toEqual([4, 4, 512]);
  });
});
