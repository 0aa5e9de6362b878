// The weights as a page reads them without freezing: decoded a weight at a time with pauses
// between (the same values as in one go), and sent to the packing worker in messages of a
// bounded size.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { messages } from '../../../src/lib/engine/browser/pack-weights';
import { loadWeights, takeTensors, type WeightValue } from '../../../src/lib/engine/load-weights';
import { encodeModel } from '../../../src/lib/engine/manifest';
import { MAIN_GROUP, sizeOf, weightSpecs, type WeightSpec } from '../../../src/lib/engine/weight-spec';
import { startTestBackend } from './helpers';

/** Six small weights of three made-up layers, with values float16 holds exactly and not. */
const specs: WeightSpec[] = ['a', 'b', 'c'].flatMap((layer, i) => [
  { name: `${layer}/filter`, layer, blob: 'filter' as const, shape: [3, 3, 2, 4 + i], caffeShape: [4 + i, 2, 3, 3], group: MAIN_GROUP },
  { name: `${layer}/bias`, layer, blob: 'bias' as const, shape: [4 + i], caffeShape: [4 + i], group: MAIN_GROUP }
]);
const weights = specs.map((s, i) => ({ name: s.name, shape: s.shape, data: Float32Array.from({ length: sizeOf(s.shape) }, (_, j) => Math.sin(i * 100 + j) * 3) }));

describe('decoding the weights in slices', () => {
  beforeAll(startTestBackend);
  afterEach(() => vi.restoreAllMocks());

  it('pauses between weights once its time is up, and decodes the same values', { timeout: 60_000 }, async () => {
    const imported = { weights, auxHeads: [] };
    for (const precision of ['float32', 'float16'] as const) {
      const { modelJson, shards } = encodeModel(imported, precision, 'test');
      const byPath = new Map(shards.map((s) => [s.path, s.bytes]));
      const read = async (path: string) => (byPath.get(path) as Uint8Array).slice().buffer as ArrayBuffer;
      const whole = await loadWeights(modelJson, read, 'model.json', specs);
      // A clock that moves 50 ms at every look: every weight uses up a slice.
      let now = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (now += 50));
      const pause = vi.fn(async () => undefined);
      const sliced = await loadWeights(modelJson, read, 'model.json', specs, pause);
      vi.restoreAllMocks();
      const names = Object.keys(whole.tensors);
      expect(Object.keys(sliced.tensors).sort()).toEqual([...names].sort());
      // Twice per weight: once after checking it, once after decoding it.
      expect(pause).toHaveBeenCalledTimes(2 * names.length);
      for (const n of names) expect(sliced.tensors[n]!.dataSync(), `${precision} ${n}`).toEqual(whole.tensors[n]!.dataSync());
      tf.dispose([...Object.values(whole.tensors), ...Object.values(sliced.tensors)]);
    }
  });
});

describe('the messages to the packing worker', () => {
  const values = new Map(weightSpecs().map((s) => [s.name, new Float32Array(sizeOf(s.shape))]));

  it('hold every weight once, in order, each message within the bound unless one weight alone is larger', () => {
    const bound = 300_000;
    const parts = messages((n) => values.get(n), bound);
    expect(parts.flat().map(([name]) => name)).toEqual([...values.keys()]);
    for (const part of parts) {
      const size = part.reduce((n, [, v]) => n + v.length, 0);
      if (part.length > 1) expect(size).toBeLessThanOrEqual(bound);
    }
    expect(parts.length).toBeGreaterThan(10);
    // Weights that are not loaded (the auxiliary heads) are left out.
    const main = messages((n) => (n.startsWith('loss') ? undefined : values.get(n)), bound).flat();
    expect(main.every(([name]) => !name.startsWith('loss'))).toBe(true);
  });

  it('takeTensors makes the same tensors and empties the values as it goes (the gradient worker keeps one copy)', () => {
    const values = new Map<string, WeightValue>(weights.map((w) => [w.name, { shape: w.shape, data: w.data }]));
    const tensors = takeTensors(values);
    expect(values.size).toBe(0);
    for (const w of weights) {
      expect(tensors[w.name]!.shape).toEqual(w.shape);
      expect(Array.from(tensors[w.name]!.dataSync())).toEqual(Array.from(w.data));
    }
    tf.dispose(Object.values(tensors));
  });
});
