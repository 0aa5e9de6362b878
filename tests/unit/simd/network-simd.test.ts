/**
 * The real GoogLeNet on the WASM kernels, through the CLI's session (`--backend wasm`, two
 * threads): the reference top 5, every tap against the tfjs engine, and no growth over 200
 * passes.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogLeNet, type GoogLeNet } from '../../../src/lib/engine/googlenet';
import type { Precision } from '../../../src/lib/engine/manifest';
import { readConverted } from '../../../src/lib/node/model-files';
import { openSession, type Session } from '../../../src/lib/node/session';
import type { SimdGoogLeNet } from '../../../src/lib/simd/googlenet-simd';
import { relativeError } from './helpers';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, referenceTests, removeConvertedModel } from '../engine/helpers';

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

  referenceTests((precision) => sessions.get(precision)!);

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
