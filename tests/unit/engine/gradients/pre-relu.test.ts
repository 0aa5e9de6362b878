/**
 * Taps read before the ReLU (`preRelu`, what feature visualization climbs): a convolution's and a
 * module's value before the ReLU, whose ReLU is the usual tap, with a gradient that matches
 * finite differences; and a feature visualization that reports the objective before the ReLU.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../../src/lib/core/plan';
import { createGoogLeNet, type GoogLeNet } from '../../../../src/lib/engine/googlenet';
import { DEFAULT_FEATURE_VIS, featureVis } from '../../../../src/lib/engine/gradients/feature-vis';
import { weightSpecs } from '../../../../src/lib/engine/weight-spec';
import { random } from '../../simd/helpers';
import { TINY, weightsFor } from '../../simd/tiny-plan';

describe('taps before the ReLU', () => {
  let net: GoogLeNet;
  let tensors: tf.Tensor[];
  let x: tf.Tensor4D;
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    const p = plan({}, TINY);
    const values = weightsFor(p);
    const named = Object.fromEntries(weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name)!, s.shape as number[])]));
    tensors = Object.values(named);
    net = createGoogLeNet(named, p);
    x = tf.tensor4d(random(7, 38 * 38 * 3, 2), [1, 38, 38, 3]);
  });
  afterAll(() => {
    net.dispose();
    tf.dispose([...tensors, x]);
  });

  const tapOf = (tap: string, preRelu: boolean) =>
    tf.tidy(() => net.forward(x, { taps: [tap], differentiable: true, stopAfterTaps: true, aux: false, preRelu }).taps[tap]!);

  for (const tap of ['c1', 'inception_t/3x3', 'inception_t/output'])
    it(`${tap}: the value before the ReLU has negatives, and its ReLU is the usual tap`, () => {
      const pre = tapOf(tap, true);
      const post = tapOf(tap, false);
      expect(pre.shape).toEqual(post.shape);
      expect(pre.min().dataSync()[0]).toBeLessThan(0);
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.relu(pre), post))).dataSync()[0]!);
      expect(diff).toBeLessThan(1e-5);
      tf.dispose([pre, post]);
    });

  it('leaves taps with no ReLU of their own (a pool, the LRN) as they are, and needs differentiable', () => {
    for (const tap of ['p1', 'n1']) {
      const [a, b] = [tapOf(tap, true), tapOf(tap, false)];
      expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
      tf.dispose([a, b]);
    }
    expect(() => net.forward(x, { taps: ['c1'], preRelu: true })).toThrow(/differentiable/);
  });

  for (const [tap, channel] of [['c1', 3], ['inception_t/output', 20]] as const)
    it(`the gradient of ${tap} #${channel}'s mean before the ReLU matches finite differences`, () => {
      const f = (input: tf.Tensor4D) =>
        tf.tidy(() => {
          const t = net.forward(input, { taps: [tap], differentiable: true, stopAfterTaps: true, aux: false, preRelu: true }).taps[tap]!;
          return tf.mean(tf.slice(t, [0, 0, 0, channel], [-1, -1, -1, 1])) as tf.Scalar;
        });
      const grad = tf.grad((t: tf.Tensor) => f(t as tf.Tensor4D))(x);
      const g = grad.dataSync();
      const norm = Math.hypot(...g);
      expect(norm).toBeGreaterThan(0);
      const dir = tf.div(grad, norm) as tf.Tensor4D;
      const at = (s: number) => tf.tidy(() => f(tf.add(x, tf.mul(dir, s)) as tf.Tensor4D).dataSync()[0]!);
      const eps = 0.01;
      const numeric = (at(eps) - at(-eps)) / (2 * eps);
      expect(Math.abs(numeric - norm) / norm, `${numeric} vs ${norm}`).toBeLessThan(0.03);
      tf.dispose([grad, dir]);
    });

  it('feature visualization climbs the value before the ReLU by default, after it when asked', async () => {
    // The channel of c1 whose value before the ReLU is most negative on grey: dead after the ReLU.
    const grey = tf.zeros([1, 40, 40, 3]) as tf.Tensor4D;
    const pre = tf.tidy(() => tf.mean(net.forward(grey, { taps: ['c1'], differentiable: true, stopAfterTaps: true, preRelu: true }).taps['c1']!, [0, 1, 2]).dataSync());
    grey.dispose();
    const channel = Array.from(pre.keys()).sort((a, b) => pre[a]! - pre[b]!)[0]!;
    const firstValue = async (preRelu: boolean) => {
      const run = featureVis(net, { kind: 'channel', tap: 'c1', channel }, { ...DEFAULT_FEATURE_VIS, size: 40, steps: 2, preRelu, jitter: 0, scales: [1], rotateDegrees: 0 });
      const first = (await run.next()).value as { value: number };
      await run.return([]);
      return first.value;
    };
    expect(DEFAULT_FEATURE_VIS.preRelu).toBe(true);
    const before = tf.memory().numTensors;
    expect(await firstValue(true)).toBeLessThan(0);
    expect(await firstValue(false)).toBeGreaterThanOrEqual(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
