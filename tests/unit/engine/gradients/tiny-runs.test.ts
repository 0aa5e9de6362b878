/** DeepDream and feature visualization end to end on the small random network (no weights needed): progress, results, nothing left behind. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../../src/lib/core/plan';
import { createGoogLeNet, type GoogLeNet } from '../../../../src/lib/engine/googlenet';
import { DEFAULT_DREAM, deepDream } from '../../../../src/lib/engine/gradients/dream';
import { DEFAULT_FEATURE_VIS, featureVis } from '../../../../src/lib/engine/gradients/feature-vis';
import { inputGradient } from '../../../../src/lib/engine/gradients/gradient';
import type { RgbaImage } from '../../../../src/lib/engine/gradients/image';
import { weightSpecs } from '../../../../src/lib/engine/weight-spec';
import { TINY, weightsFor } from '../../simd/tiny-plan';

describe('gradient runs on a small random network', () => {
  let net: GoogLeNet;
  let tensors: tf.Tensor[];
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    const p = plan({}, TINY);
    const values = weightsFor(p);
    const named = Object.fromEntries(weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name)!, s.shape as number[])]));
    tensors = Object.values(named);
    net = createGoogLeNet(named, p);
    // The first differentiable pass builds the layers' gradient constants, which the network owns.
    const x = tf.zeros([1, 38, 38, 3]) as tf.Tensor4D;
    inputGradient(net, x, { kind: 'logit', classIndex: 0 }).grad.dispose();
    x.dispose();
  });
  afterAll(() => {
    net.dispose();
    tf.dispose(tensors);
  });

  it('dreams over its octaves with progress, returns the photo-sized dream and frees everything', async () => {
    const photo: RgbaImage = { width: 80, height: 64, data: new Uint8ClampedArray(80 * 64 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256)) };
    const settings = { ...DEFAULT_DREAM, tap: 'inception_t/output', octaves: 2, stepsPerOctave: 3, jitter: 4, octaveScale: 1.3 };
    const before = tf.memory().numTensors;
    const run = deepDream(net, photo, settings);
    const done: number[] = [];
    let result: RgbaImage | undefined;
    for (;;) {
      const next = await run.next();
      if (next.done) {
        result = next.value;
        break;
      }
      done.push(next.value.done);
      expect(next.value.total).toBe(6);
      if (next.value.done === 1) expect(next.value.image().width).toBe(Math.round(80 / 1.3));
    }
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    expect([result.width, result.height]).toEqual([80, 64]);
    expect(result.data.some((v, i) => i % 4 !== 3 && Math.abs(v - photo.data[i]!) > 2)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('visualizes a batch of two with the diversity term, in the negative direction, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const steps: number[] = [];
    const run = featureVis(net, { kind: 'channel', tap: 'inception_t/output', channel: 3, sign: -1 }, { ...DEFAULT_FEATURE_VIS, size: 40, steps: 3, batch: 2, diversity: 10, sign: -1 });
    let images: RgbaImage[] = [];
    for (;;) {
      const next = await run.next();
      if (next.done) {
        images = next.value;
        break;
      }
      steps.push(next.value.step);
    }
    expect(steps).toEqual([1, 2, 3]);
    expect(images.map((i) => [i.width, i.height])).toEqual([[40, 40], [40, 40]]);
    expect(images[0]!.data).not.toEqual(images[1]!.data);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
