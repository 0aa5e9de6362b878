import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LrnLayer } from '../../../src/lib/core/network';
import { isModule, plan } from '../../../src/lib/core/plan';
import { layerFn } from '../../../src/lib/engine/layers';
import { startTestBackend } from './helpers';

const lrns = plan()
  .rows.flatMap((r) => (isModule(r.block) ? [] : r.block))
  .filter((l) => l.layer.op === 'lrn');

describe("the WASM LRN (a blocked 1x3 conv for the window's sum, sqrt for the power)", () => {
  beforeAll(startTestBackend);

  it.each(lrns.map((l) => [l.layer.name, l] as const))('%s matches tf.localResponseNormalization', (_, l) => {
    const layer = l.layer as LrnLayer;
    const [h, w, c] = l.input;
    const owned: tf.Tensor[] = [];
    const f = layerFn(l, {}, owned);
    expect(owned).toHaveLength(2); // the WASM path, not tfjs's kernel
    const before = tf.memory().numTensors;
    const rel = tf.tidy(() => {
      // Activations of the size the network has there (ReLU outputs, tens to hundreds), with the
      // channel edges where the window is cut short included.
      const x = tf.relu(tf.randomNormal([2, h, w, c], 0, 80, 'float32', 7)) as tf.Tensor4D;
      const want = tf.localResponseNormalization(x, (layer.size - 1) / 2, layer.k, layer.alpha / layer.size, layer.beta);
      return tf.max(tf.div(tf.abs(tf.sub(f(x), want)), tf.add(tf.abs(want), 1e-6))).dataSync()[0]!;
    });
    expect(rel).toBeLessThan(2e-6);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(owned);
  });
});
