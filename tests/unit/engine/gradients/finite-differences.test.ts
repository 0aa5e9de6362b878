/**
 * The input gradient against central finite differences on a small network with random weights
 * (tests/unit/simd/tiny-plan.ts: conv with stride 2, max pools with and without padding, LRN,
 * an Inception module in both variants (concat), average pool, fully connected, softmax), on
 * tfjs's CPU backend: the derivative along the gradient and along a random direction must
 * match a central difference within 3%.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../../src/lib/core/plan';
import { createGoogLeNet, type GoogLeNet } from '../../../../src/lib/engine/googlenet';
import { inputGradient } from '../../../../src/lib/engine/gradients/gradient';
import { objectiveValue, type Objective } from '../../../../src/lib/engine/gradients/objective';
import { weightSpecs } from '../../../../src/lib/engine/weight-spec';
import { random } from '../../simd/helpers';
import { TINY, weightsFor } from '../../simd/tiny-plan';

const OBJECTIVES: readonly Objective[] = [
  { kind: 'channel', tap: 'c1', channel: 3 }, // conv, stride 2
  { kind: 'channel', tap: 'p1', channel: 5, sign: -1 }, // max pool
  { kind: 'unit', tap: 'n1', channel: 2, y: 4, x: 5 }, // LRN
  { kind: 'channel', tap: 'inception_t/3x3', channel: 1 }, // a branch
  { kind: 'layer', tap: 'inception_t/output' }, // concat
  { kind: 'channel', tap: 'p2', channel: 30 }, // max pool with padding
  { kind: 'channel', tap: 'p3', channel: 7 }, // average pool
  { kind: 'logit', classIndex: 11 }, // fully connected
  { kind: 'channel', tap: 'prob', channel: -1 } // softmax (the class whose probability is nearest 0.3)
];

describe('the input gradient on a small random network', () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
  });

  for (const variant of ['reduced', 'naive'] as const) {
    describe(`${variant} Inception module`, () => {
      let net: GoogLeNet;
      let tensors: tf.Tensor[];
      beforeAll(() => {
        const p = plan({ naive: variant === 'naive' ? 'all' : 'none' }, TINY);
        const values = weightsFor(p);
        const named = Object.fromEntries(weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name)!, s.shape as number[])]));
        tensors = Object.values(named);
        net = createGoogLeNet(named, p);
      });
      afterAll(() => {
        net.dispose();
        tf.dispose(tensors);
      });

      for (const objective of OBJECTIVES)
        it(`matches finite differences for ${JSON.stringify(objective)}`, () => {
          const x = tf.tensor4d(random(7, 38 * 38 * 3, 2), [1, 38, 38, 3]);
          let o = objective;
          if (o.kind === 'channel' && o.channel < 0) {
            // Random weights saturate the softmax: pick a class it has not pinned at 0 or 1.
            const probs = tf.tidy(() => net.forward(x).probs.dataSync());
            const channel = Array.from(probs.keys()).sort((a, b) => Math.abs(probs[a]! - 0.3) - Math.abs(probs[b]! - 0.3))[0]!;
            o = { ...o, channel };
          }
          const { grad } = inputGradient(net, x, o);
          const g = grad.dataSync();
          expect(g.some((v) => v !== 0)).toBe(true);
          // Along the gradient, and along random amounts (with the gradient's signs) of the 5% of
          // pixels it weighs most: directions in which the objective moves well above float32's rounding.
          const top = Array.from(g.keys()).sort((a, b) => Math.abs(g[b]!) - Math.abs(g[a]!)).slice(0, Math.ceil(g.length / 20));
          const signs = random(11, top.length, 1);
          const sparse = new Float32Array(g.length);
          top.forEach((i, k) => (sparse[i] = Math.sign(g[i]!) * (1 + signs[k]!)));
          for (const [name, d] of [['gradient', Float32Array.from(g)], ['random, on the top 5%', sparse]] as const) {
            const norm = Math.hypot(...d);
            const dir = tf.tensor4d(d.map((v) => v / norm), x.shape);
            const at = (s: number) => tf.tidy(() => objectiveValue(net, tf.add(x, tf.mul(dir, s)) as tf.Tensor4D, o).dataSync()[0]!);
            const eps = 0.01;
            const numeric = (at(eps) - at(-eps)) / (2 * eps);
            const analytic = d.reduce((sum, v, i) => sum + (v / norm) * g[i]!, 0);
            expect(Math.abs(numeric - analytic) / Math.abs(analytic), `${name}: ${numeric} vs ${analytic}`).toBeLessThan(0.03);
            dir.dispose();
          }
          tf.dispose([x, grad]);
        });
    });
  }

  it('keeps tf.memory() flat over repeated gradients', { timeout: 60_000 }, () => {
    const p = plan({}, TINY);
    const values = weightsFor(p);
    const named = Object.fromEntries(weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name)!, s.shape as number[])]));
    const net = createGoogLeNet(named, p);
    const x = tf.tensor4d(random(7, 38 * 38 * 3, 2), [1, 38, 38, 3]);
    inputGradient(net, x, { kind: 'logit', classIndex: 1 }).grad.dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) for (const o of OBJECTIVES.slice(0, -1)) inputGradient(net, x, o).grad.dispose();
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
    tf.dispose([x, ...Object.values(named)]);
  });
});
