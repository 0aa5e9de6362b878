/**
 * Saliency maps on the small random network: gradient x input by default (|sum over colours of
 * g x input|), the plain gradient (largest |g| of the colours), SmoothGrad (the gradient averaged
 * over noisy copies), each as computed by hand from the input gradient; bad settings refused.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../../src/lib/core/plan';
import { createGoogLeNet, type GoogLeNet } from '../../../../src/lib/engine/googlenet';
import { DEFAULT_SALIENCY, PLAIN_SALIENCY, SMOOTHGRAD, saliency, smoothGradient, validateSaliency, type Heatmap } from '../../../../src/lib/engine/gradients/attribution';
import { inputGradient } from '../../../../src/lib/engine/gradients/gradient';
import { weightSpecs } from '../../../../src/lib/engine/weight-spec';
import { random } from '../../simd/helpers';
import { TINY, weightsFor } from '../../simd/tiny-plan';

/** A map scaled as `saliency` scales it: its 99th percentile is 1, clipped above. */
function scaled(values: Float32Array): Float32Array {
  const sorted = Float32Array.from(values).sort();
  const top = sorted[Math.floor(0.99 * sorted.length)]!;
  return values.map((v) => Math.min(1, v / top));
}

const close = (a: Heatmap, b: Float32Array) => Math.max(...a.values.map((v, i) => Math.abs(v - b[i]!)));

describe('saliency maps', () => {
  let net: GoogLeNet;
  let tensors: tf.Tensor[];
  let x: tf.Tensor4D;
  let g: Float32Array;
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    const p = plan({}, TINY);
    const values = weightsFor(p);
    const named = Object.fromEntries(weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name)!, s.shape as number[])]));
    tensors = Object.values(named);
    net = createGoogLeNet(named, p);
    x = tf.tensor4d(random(7, 38 * 38 * 3, 20), [1, 38, 38, 3]);
    const { grad } = inputGradient(net, x, { kind: 'logit', classIndex: 3 });
    g = grad.dataSync() as Float32Array;
    grad.dispose();
  });
  afterAll(() => {
    net.dispose();
    tf.dispose([...tensors, x]);
  });

  it('is gradient x input by default, summed over the colours', () => {
    expect(DEFAULT_SALIENCY).toMatchObject({ timesInput: true, samples: 1, noise: 0 });
    const xs = x.dataSync();
    const byHand = new Float32Array(38 * 38).map((_, i) => Math.abs(g[3 * i]! * xs[3 * i]! + g[3 * i + 1]! * xs[3 * i + 1]! + g[3 * i + 2]! * xs[3 * i + 2]!));
    const m = saliency(net, x, 3);
    expect([m.width, m.height]).toEqual([38, 38]);
    expect(close(m, scaled(byHand))).toBeLessThan(1e-4);
  });

  it('the plain gradient takes the largest |g| of the colours', () => {
    const byHand = new Float32Array(38 * 38).map((_, i) => Math.max(Math.abs(g[3 * i]!), Math.abs(g[3 * i + 1]!), Math.abs(g[3 * i + 2]!)));
    expect(close(saliency(net, x, 3, PLAIN_SALIENCY), scaled(byHand))).toBeLessThan(1e-4);
  });

  it('SmoothGrad averages the gradients of noisy copies: repeatable by seed, different from one gradient, nothing left behind', () => {
    const before = tf.memory().numTensors;
    const s = { ...SMOOTHGRAD, samples: 3 };
    const a = smoothGradient(net, x, 3, s);
    const b = smoothGradient(net, x, 3, s);
    const c = smoothGradient(net, x, 3, { ...s, seed: 1 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(g));
    // Averaged by hand: the gradients at the same three noisy copies.
    const range = Math.max(...x.dataSync()) - Math.min(...x.dataSync());
    const sum = new Float32Array(g.length);
    for (let i = 0; i < 3; i++) {
      const noisy = tf.tidy(() => tf.add(x, tf.randomNormal(x.shape, 0, s.noise * range, 'float32', i + 1)) as tf.Tensor4D);
      const { grad } = inputGradient(net, noisy, { kind: 'logit', classIndex: 3 });
      grad.dataSync().forEach((v, k) => (sum[k] += v / 3));
      tf.dispose([noisy, grad]);
    }
    const got = a.dataSync();
    const scale = Math.max(...sum.map(Math.abs));
    expect(Math.max(...sum.map((v, k) => Math.abs(v - got[k]!))) / scale).toBeLessThan(1e-4);
    tf.dispose([a, b, c]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses bad settings in one line', () => {
    expect(validateSaliency({ ...SMOOTHGRAD, samples: 0 })).toBe('samples 0 is out of range: expected an integer from 1 to 64');
    expect(validateSaliency({ ...SMOOTHGRAD, noise: -1 })).toMatch(/^noise -1 is out of range/);
    expect(() => saliency(net, x, 3, { ...SMOOTHGRAD, samples: 2.5 })).toThrow(/samples 2.5/);
  });
});
