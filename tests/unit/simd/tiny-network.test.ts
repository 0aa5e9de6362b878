/**
 * The WASM kernels against the tfjs engine on a small network with random weights: every layer
 * kind GoogLeNet has, at sizes that exercise the edges (maps that are not multiples of 4 for
 * Winograd, channel counts that are not, a 3-channel im2col with stride 2, ceil-mode pools with
 * padding), both Inception variants, an auxiliary head, batches of 1 and 5, and 1 or 3 threads. Needs no ../shared.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/lib/core/network';
import { plan, type Plan } from '../../../src/lib/core/plan';
import { createGoogLeNet } from '../../../src/lib/engine/googlenet';
import { sizeOf, weightSpecs } from '../../../src/lib/engine/weight-spec';
import { kernelModule, spawnHelper } from '../../../src/lib/node/kernels';
import { createSimdGoogLeNet } from '../../../src/lib/simd/googlenet-simd';
import { random, relativeError } from './helpers';

const conv = (name: string, kernel: number, stride: number, pad: number, filters: number) =>
  ({ op: 'conv', name, kernel, stride, pad, filters }) as const;

const TINY: Network = {
  name: 'tiny',
  input: [38, 38, 3],
  meanBgr: [0, 0, 0],
  rows: [
    { row: 1, type: 'convolution', patch: '5x5/2', depth: 1, block: [conv('c1', 5, 2, 2, 19)] },
    {
      row: 2,
      type: 'max pool',
      patch: '3x3/2',
      depth: 0,
      block: [
        { op: 'maxpool', name: 'p1', kernel: 3, stride: 2, pad: 0 },
        { op: 'lrn', name: 'n1', size: 5, alpha: 1e-2, beta: 0.75, k: 1 }
      ]
    },
    { row: 3, type: 'convolution', patch: '3x3/1', depth: 1, block: [conv('c2', 3, 1, 1, 24)] },
    {
      row: 4,
      type: 'inception (t)',
      patch: '',
      depth: 2,
      block: { op: 'inception', name: 'inception_t', id: 't', filters: { n1x1: 8, n3x3reduce: 8, n3x3: 16, n5x5reduce: 4, n5x5: 8, poolProj: 6 } }
    },
    { row: 5, type: 'max pool', patch: '3x3/2', depth: 0, block: [{ op: 'maxpool', name: 'p2', kernel: 3, stride: 2, pad: 1 }] },
    {
      row: 6,
      type: 'avg pool',
      patch: '',
      depth: 0,
      block: [
        { op: 'avgpool', name: 'p3', kernel: 5, stride: 1, pad: 0 },
        { op: 'dropout', name: 'd', rate: 0.4 },
        { op: 'fc', name: 'cls', outputs: 16, relu: false },
        { op: 'softmax', name: 'prob' }
      ]
    }
  ],
  aux: [
    {
      name: 'aux1',
      after: 'inception_t',
      layers: [
        { op: 'avgpool', name: 'aux1/pool', kernel: 3, stride: 3, pad: 0 },
        conv('aux1/conv', 1, 1, 0, 8),
        { op: 'fc', name: 'aux1/fc', outputs: 24, relu: true },
        { op: 'fc', name: 'aux1/classifier', outputs: 8, relu: false },
        { op: 'softmax', name: 'aux1/prob' }
      ]
    }
  ]
};

function weightsFor(p: Plan): Map<string, Float32Array> {
  return new Map(weightSpecs(p).map((s, i) => [s.name, random(i + 1, sizeOf(s.shape), s.blob === 'bias' ? 0.5 : 0.4)]));
}

describe('the WASM kernels on a small network', () => {
  let module: WebAssembly.Module;
  beforeAll(async () => {
    tf.enableProdMode(); // also silences the CPU backend's "install tfjs-node" notice
    await tf.setBackend('cpu');
    module = await kernelModule();
  }, 120_000);
  afterAll(() => tf.disposeVariables());

  const cases = [
    { variant: 'reduced', batch: 1, threads: 1, minTiles: undefined, blockBytes: undefined },
    { variant: 'reduced', batch: 5, threads: 3, minTiles: undefined, blockBytes: 1 },
    { variant: 'reduced', batch: 1, threads: 3, minTiles: 1, blockBytes: undefined },
    { variant: 'naive', batch: 5, threads: 3, minTiles: 1, blockBytes: undefined },
    { variant: 'naive', batch: 7, threads: 2, minTiles: 1, blockBytes: 1 },
    { variant: 'naive', batch: 2, threads: 1, minTiles: 1000, blockBytes: undefined }
  ] as const;

  for (const c of cases) {
    it(`matches tfjs at every tap: ${c.variant} module, batch ${c.batch}, ${c.threads} thread(s), Winograd from ${c.minTiles ?? 16} tiles${c.blockBytes ? ' in blocks of 8' : ''}`, () => {
      const p = plan({ naive: c.variant === 'naive' ? 'all' : 'none' }, TINY);
      const values = weightsFor(p);
      const tensors = Object.fromEntries(
        weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name) as Float32Array, s.shape as number[])])
      );
      const reference = createGoogLeNet(tensors, p);
      const net = createSimdGoogLeNet(module, (n) => values.get(n), { plan: p, threads: c.threads, spawn: spawnHelper, tuning: { winogradMinTiles: c.minTiles, winogradBlockBytes: c.blockBytes } });
      try {
        expect(net.auxHeads).toEqual(['aux1']);
        const names = [...reference.tapShapes.keys()];
        expect([...net.tapShapes.keys()]).toEqual(names);
        const input = tf.tensor4d(random(99, c.batch * 38 * 38 * 3, 100), [c.batch, 38, 38, 3]);
        const want = reference.forward(input, { taps: names });
        const got = net.forward(input, { taps: names });
        for (const name of names) {
          expect([name, got.taps[name]!.shape]).toEqual([name, want.taps[name]!.shape]);
          expect(relativeError(want.taps[name]!.dataSync(), got.taps[name]!.dataSync()), name).toBeLessThan(2e-5);
        }
        const diff = (x: tf.Tensor, y: tf.Tensor) => tf.max(tf.abs(tf.sub(x, y))).dataSync()[0] as number;
        expect(diff(got.probs, want.probs)).toBeLessThan(1e-5);
        expect(diff(got.aux.aux1!, want.aux.aux1!)).toBeLessThan(1e-5);
        tf.dispose([input, want.probs, got.probs, ...Object.values(want.taps), ...Object.values(got.taps), ...Object.values(want.aux), ...Object.values(got.aux)]);
      } finally {
        net.dispose();
        reference.dispose();
        tf.dispose(Object.values(tensors));
      }
    }, 60_000);
  }

  it('skips the auxiliary head when asked, unless one of its layers is tapped', () => {
    const p = plan({}, TINY);
    const values = weightsFor(p);
    const net = createSimdGoogLeNet(module, (n) => values.get(n), { plan: p });
    const input = tf.zeros([1, 38, 38, 3]) as tf.Tensor4D;
    const off = net.forward(input, { aux: false });
    expect(Object.keys(off.aux)).toEqual([]);
    const tapped = net.forward(input, { aux: false, taps: ['aux1/fc'] });
    expect(Object.keys(tapped.aux)).toEqual(['aux1']);
    expect(tapped.taps['aux1/fc']!.shape).toEqual([1, 1, 1, 24]);
    tf.dispose([input, off.probs, tapped.probs, ...Object.values(tapped.aux), ...Object.values(tapped.taps)]);
    net.dispose();
  });

  it('refuses missing or wrong-sized weights, an unknown tap, a wrong input and a batch too large, with one line each', { timeout: 30_000 }, () => {
    const p = plan({}, TINY);
    const values = weightsFor(p);
    expect(() => createSimdGoogLeNet(module, (n) => (n === 'c2/filter' ? undefined : values.get(n)), { plan: p })).toThrow(
      /^weight c2\/filter is not loaded$/
    );
    expect(() => createSimdGoogLeNet(module, (n) => (n === 'cls/bias' ? new Float32Array(3) : values.get(n)), { plan: p })).toThrow(
      /^weight cls\/bias has 3 values, the plan needs 16$/
    );
    // Without an auxiliary head's weights, the head is left out rather than refused.
    const net = createSimdGoogLeNet(module, (n) => (n.startsWith('aux1/') ? undefined : values.get(n)), { plan: p });
    expect(net.auxHeads).toEqual([]);
    const input = tf.zeros([1, 38, 38, 3]) as tf.Tensor4D;
    expect(() => net.forward(input, { taps: ['aux1/fc'] })).toThrow(/^unknown tap "aux1\/fc"/);
    const wrong = tf.zeros([1, 30, 38, 3]) as tf.Tensor4D;
    expect(() => net.forward(wrong)).toThrow(/^input is 30x38x3, the network needs 38x38x3$/);
    const huge = { shape: [200_000, 38, 38, 3] } as unknown as tf.Tensor4D; // never read: refused first
    expect(() => net.forward(huge)).toThrow(/^a batch of 200000 needs \d+ MiB, more than the kernels' 2 GiB$/);
    tf.dispose([input, wrong]);
    net.dispose();
  });
});
