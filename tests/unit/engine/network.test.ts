import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogLeNet, type GoogLeNet } from '../../../src/lib/engine/googlenet';
import type { Precision } from '../../../src/lib/engine/manifest';
import { readConverted } from '../../../src/lib/node/model-files';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, referenceTests, removeConvertedModel, startTestBackend } from './helpers';

describe.skipIf(!HAS_SHARED)(`the real network${NEEDS_SHARED}`, () => {
  const nets = new Map<Precision, { net: GoogLeNet; labels: readonly string[]; tensors: tf.NamedTensorMap }>();

  beforeAll(async () => {
    await startTestBackend();
    for (const precision of ['float32', 'float16'] as const) {
      const { weights, labels } = await readConverted(precision, convertedModel());
      nets.set(precision, { net: createGoogLeNet(weights.tensors), labels, tensors: weights.tensors });
    }
  }, 60_000);

  afterAll(() => {
    for (const n of nets.values()) tf.dispose(n.tensors);
    removeConvertedModel();
  });

  referenceTests((precision) => nets.get(precision)!);

  it('returns every tap with the shape the plan gives it', () => {
    const { net } = nets.get('float32')!;
    const names = [...net.tapShapes.keys()];
    const input = tf.zeros([2, 224, 224, 3]) as tf.Tensor4D;
    const { probs, taps, aux } = net.forward(input, { taps: names });
    expect(probs.shape).toEqual([2, 1000]);
    expect(Object.keys(aux)).toEqual([]); // this copy of the weights has no auxiliary heads
    expect(names.some((n) => n.startsWith('loss1/'))).toBe(false);
    expect(names).toHaveLength(Object.keys(taps).length);
    for (const name of names) expect([name, taps[name]?.shape]).toEqual([name, [2, ...net.tapShapes.get(name)!]]);
    expect(taps['inception_4c/3x3']!.shape).toEqual([2, 14, 14, 256]);
    expect(taps['inception_4c/output']!.shape).toEqual([2, 14, 14, 512]);
    tf.dispose([input, probs, ...Object.values(taps)]);
  });

  it('refuses an unknown tap and a wrong input size with one line', () => {
    const { net } = nets.get('float32')!;
    const input = tf.zeros([1, 224, 224, 3]) as tf.Tensor4D;
    expect(() => net.forward(input, { taps: ['inception_9z/output'] })).toThrow(/unknown tap "inception_9z\/output"/);
    const small = tf.zeros([1, 100, 100, 3]) as tf.Tensor4D;
    expect(() => net.forward(small)).toThrow(/input is 100x100x3, the network needs 224x224x3/);
    tf.dispose([input, small]);
  });

  it('keeps tf.memory() flat over 200 forward passes with taps', async () => {
    const { net } = nets.get('float32')!;
    const input = tf.randomUniform([1, 224, 224, 3], -100, 100) as tf.Tensor4D;
    const pass = async () => {
      const { probs, taps } = net.forward(input, { taps: ['conv2/norm2', 'inception_4c/3x3', 'inception_5b/output'] });
      await probs.data();
      tf.dispose([probs, ...Object.values(taps)]);
    };
    await pass();
    const before = tf.memory();
    for (let i = 0; i < 200; i++) await pass();
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    input.dispose();
  }, 300_000);
});
