// The float16 decoder the weights are read with gives exactly what tfjs's decoder gives, for
// every one of the 65536 halves.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { halvesToFloats } from '../../../src/lib/engine/half';

describe('float16 to float32', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('agrees with tf.io.decodeWeights bit for bit on every half', () => {
    const halves = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const ours = halvesToFloats(halves);
    const t = tf.io.decodeWeights(halves.slice().buffer, [{ name: 'w', shape: [65536], dtype: 'float32', quantization: { dtype: 'float16' } }])['w']!;
    const theirs = t.dataSync() as Float32Array;
    t.dispose();
    let differ = 0;
    for (let i = 0; i < 65536; i++) if (!Object.is(ours[i], theirs[i]) && !(Number.isNaN(ours[i]) && Number.isNaN(theirs[i]))) differ++;
    expect(differ).toBe(0);
    expect([ours[0x3c00], ours[0xc000], ours[0x0001], ours[0x7bff], ours[0x7c00]]).toEqual([1, -2, 2 ** -24, 65504, Infinity]);
  });
});
