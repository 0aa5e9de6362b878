/**
 * The real GoogLeNet on the WASM kernels, through the CLI's session (`--backend wasm`, two
 * threads): the reference top 5, every tap against the tfjs engine, and no growth over 200
 * passes.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPixels, topK } from '../../../src/lib/engine/classify';
import { createGoogLeNet, type GoogLeNet } from '../../../src/lib/engine/googlenet';
import type { Precision } from '../../../src/lib/engine/manifest';
import { readImage } from '../../../src/lib/node/image';
import { readConverted } from '../../../src/lib/node/model-files';
import { openSession, type Session } from '../../../src/lib/node/session';
import type { SimdGoogLeNet } from '../../../src/lib/simd/googlenet-simd';
import { relativeError } from './helpers';
import { convertedModel, expectedTop5, HAS_SHARED, NEEDS_SHARED, REFERENCE, removeConvertedModel } from '../engine/helpers';

describe.skipIf(!HAS_SHARED)(`the real network on the WASM kernels${NEEDS_SHARED}`, () => {
  const sessions = new Map<Precision, Session>();

  beforeAll(async () => {
    for (const precision of ['float32', 'float16'] as const)
      sessions.set(precision, await openSession({ backend: 'wasm', threads: 2, precision, modelDir: convertedModel() }));
  }, 120_000);

  afterAll(() => {
    for (const s of sessions.values()) s.close();
    removeConvertedModel();
  });

  it('runs on the kernels with two threads, and tfjs on WASM only for the crops', () => {
    const s = sessions.get('float32')!;
    expect(s.backend).toEqual({ backend: 'wasm', threads: 2 });
    expect((s.net as SimdGoogLeNet).threads).toBe(2);
    expect(tf.getBackend()).toBe('wasm');
  });

  const classify = async (precision: Precision, image: string) => {
    const { net, labels } = sessions.get(precision)!;
    const { width, height, data } = readImage(join(REFERENCE, image));
    const pixels = tf.tensor3d(data, [height, width, 4], 'int32');
    const probs = await classifyPixels(net, pixels, { crops: 1 });
    pixels.dispose();
    return topK(probs, labels, 5);
  };

  for (const expected of HAS_SHARED ? expectedTop5() : []) {
    it(`matches the reference top 5 of ${expected.image} within 1e-4 (float32)`, async () => {
      const top5 = await classify('float32', expected.image);
      expect(top5.map((p) => p.index)).toEqual(expected.top5.map((p) => p.index));
      top5.forEach((p, i) => expect(Math.abs(p.p - expected.top5[i]!.p)).toBeLessThanOrEqual(1e-4));
    });

    it(`keeps the reference top 1 of ${expected.image} with float16 weights`, async () => {
      const top5 = await classify('float16', expected.image);
      expect(top5[0]!.index).toBe(expected.top5[0]!.index);
      expect(Math.abs(top5[0]!.p - expected.top5[0]!.p)).toBeLessThan(5e-3);
    });
  }

  it('agrees with the tfjs engine at every tap, on a batch of 4 (Winograd on the 7x7 maps too)', async () => {
    const net = sessions.get('float32')!.net;
    const { weights } = await readConverted('float32', convertedModel());
    const reference: GoogLeNet = createGoogLeNet(weights.tensors);
    const names = [...reference.tapShapes.keys()];
    expect([...net.tapShapes.keys()]).toEqual(names);
    const input = tf.randomUniform([4, 224, 224, 3], -120, 140, 'float32', 7) as tf.Tensor4D;
    const want = reference.forward(input, { taps: names });
    const got = net.forward(input, { taps: names });
    for (const name of names) {
      expect([name, got.taps[name]!.shape]).toEqual([name, [4, ...net.tapShapes.get(name)!]]);
      expect(relativeError(want.taps[name]!.dataSync(), got.taps[name]!.dataSync()), name).toBeLessThan(1e-4);
    }
    tf.dispose([input, want.probs, got.probs, ...Object.values(want.taps), ...Object.values(got.taps)]);
    reference.dispose();
    tf.dispose(weights.tensors);
  }, 120_000);

  it('keeps tf.memory() and its own memory flat over 200 forward passes with taps', async () => {
    const net = sessions.get('float32')!.net as SimdGoogLeNet;
    const input = tf.randomUniform([1, 224, 224, 3], -100, 100) as tf.Tensor4D;
    const pass = async () => {
      const { probs, taps } = net.forward(input, { taps: ['conv2/norm2', 'inception_4c/3x3', 'inception_5b/output'] });
      await probs.data();
      tf.dispose([probs, ...Object.values(taps)]);
    };
    await pass();
    const before = { ...tf.memory(), kernels: net.memoryBytes() };
    for (let i = 0; i < 200; i++) await pass();
    expect({ ...tf.memory(), kernels: net.memoryBytes() }).toEqual(before);
    input.dispose();
  }, 300_000);
});
