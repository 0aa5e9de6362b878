import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../src/lib/core/plan';
import { classifyPixels } from '../../../src/lib/engine/classify';
import { cropBoxes } from '../../../src/lib/engine/crops';
import type { GoogLeNet } from '../../../src/lib/engine/googlenet';
import { cutCrops, resize, toRgb } from '../../../src/lib/engine/preprocess';
import { startTestBackend } from './helpers';

/** An image whose pixels say where they are: R = x, G = y, B = 0. */
const gradient = (width = 400, height = 300) =>
  tf.tidy(() => {
    const x = tf.tile(tf.reshape(tf.range(0, width), [1, width, 1]), [height, 1, 1]);
    const y = tf.tile(tf.reshape(tf.range(0, height), [height, 1, 1]), [1, width, 1]);
    return tf.concat([x, y, tf.zerosLike(x)], 2) as tf.Tensor3D;
  });

describe('the 144 crops as tensors', () => {
  beforeAll(startTestBackend);

  /** Largest difference between the crops cut in one resampling and resize-then-slice. */
  async function worstDifference(rgb: tf.Tensor3D, count: 1 | 144, pick: number[]): Promise<number> {
    const [height, width] = rgb.shape;
    const boxes = cropBoxes(width, height, count).filter((_, i) => pick.includes(i));
    const cache = new Map<number, tf.Tensor3D>();
    const batch = cutCrops(rgb, boxes, 224, cache);
    expect(batch.shape).toEqual([boxes.length, 224, 224, 3]);
    let worst = 0;
    for (const [i, b] of boxes.entries()) {
      const expected = tf.tidy(() => {
        const resized = resize(rgb, b.resized.width, b.resized.height);
        const square = tf.slice(resized, [b.region.y, b.region.x, 0], [b.region.height, b.region.width, 3]);
        const sized = b.region.width === 224 ? square : tf.image.resizeBilinear(square, [224, 224], false, true);
        return b.mirror ? tf.reverse(sized, 1) : sized;
      });
      const got = tf.squeeze(tf.slice(batch, [i, 0, 0, 0], [1, -1, -1, -1]), [0]);
      worst = Math.max(worst, (await tf.max(tf.abs(tf.sub(got, expected))).data())[0]!);
      tf.dispose([expected, got]);
    }
    tf.dispose([rgb, batch, ...cache.values()]);
    return worst;
  }
  const noise = (width: number, height: number) => tf.randomUniform([height, width, 3], 0, 255) as tf.Tensor3D;

  it('cuts 224 crops as resize-then-slice would, mirrors included, in one resampling', async () => {
    // 0..3: scale 256, left square, top-left and top-right, each with its mirror; 141: scale
    // 352, right square, centre, mirrored.
    expect(await worstDifference(noise(400, 300), 144, [0, 1, 2, 3, 141])).toBeLessThan(0.02);
    // A large photo: box-filtered by 4 first, in both pipelines.
    expect(await worstDifference(noise(1200, 900), 1, [0])).toBeLessThan(0.02);
  });

  it('resizes whole squares in the same single resampling (exact on a gradient)', async () => {
    // Resizing twice (to the scale, then the square to 224) differs from once on noise, but on
    // an affine image both are exact, so any misplaced or unmirrored sample would show.
    const float = (t: tf.Tensor3D) => tf.tidy(() => tf.cast(t, 'float32') as tf.Tensor3D);
    expect(await worstDifference(float(gradient(800, 600)), 144, [10, 11, 142, 143])).toBeLessThan(0.01);
    // An image smaller than the scale is enlarged: samples past its edge clamp to the edge
    // rather than turning black (tens off). Clamping once or twice differs by hundredths.
    expect(await worstDifference(float(gradient(100, 64)), 144, [0, 1, 11])).toBeLessThan(0.1);
  });

  it('feeds a 224x224 image through unchanged', async () => {
    const rgb = tf.randomUniform([224, 224, 3], 0, 255) as tf.Tensor3D;
    const cache = new Map<number, tf.Tensor3D>();
    const crop = cutCrops(rgb, cropBoxes(224, 224, 1), 224, cache);
    expect((await tf.max(tf.abs(tf.sub(tf.squeeze(crop, [0]), rgb))).data())[0]).toBeLessThan(1e-4);
    tf.dispose([rgb, crop, ...cache.values()]);
  });

  it('runs them in chunks, reports progress, averages, and frees every tensor', async () => {
    const calls: number[] = [];
    // A stand-in network: records batch sizes, answers uniform probabilities.
    const fake: GoogLeNet = {
      plan: plan(),
      auxHeads: [],
      tapShapes: new Map(),
      dispose: () => {},
      forward: (input) => {
        calls.push(input.shape[0]);
        return { probs: tf.fill([input.shape[0], 1000], 0.001) as tf.Tensor2D, taps: {}, aux: {} };
      }
    };
    const pixels = gradient();
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const probs = await classifyPixels(fake, pixels, { crops: 144, chunk: 32, onProgress: (done, total) => seen.push(done, total) });
    expect(calls).toEqual([32, 32, 32, 32, 16]);
    expect(seen.filter((_, i) => i % 2 === 0)).toEqual([32, 64, 96, 128, 144]);
    expect(probs).toHaveLength(1000);
    expect(probs[0]).toBeCloseTo(0.001, 6);
    expect(tf.memory().numTensors).toBe(before);
    pixels.dispose();
  });
});
