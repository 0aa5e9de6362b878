/**
 * The WASM kernels against the tfjs engine on a small network with random weights: every layer
 * kind GoogLeNet has, at sizes that exercise the edges (maps that are not multiples of 4 for
 * Winograd, channel counts that are not, a 3-channel im2col with stride 2, ceil-mode pools with
 * padding), both Inception variants, an auxiliary head, batches of 1 and 5, and 1 or 3 threads. Needs no ../shared.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../src/lib/core/plan';
import { createGoogLeNet } from '../../../src/lib/engine/googlenet';
import { weightSpecs } from '../../../src/lib/engine/weight-spec';
import { kernelModule, spawnHelper } from '../../../src/lib/node/kernels';
import { createSimdGoogLeNet } from '../../../src/lib/simd/googlenet-simd';
import { random, relativeError } from './helpers';
import { TINY, weightsFor } from './tiny-plan';

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
