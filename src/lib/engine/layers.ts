/**
 * One planned layer as tfjs ops, with Caffe's semantics: explicit symmetric conv padding (TF's
 * 'same' would pad conv1 asymmetrically), ceil-mode pooling, Caffe's LRN, fused bias + ReLU.
 * Activations are NHWC; fully connected outputs stay 4-d ([n, 1, 1, c]) so every tap matches
 * the plan's [h, w, c].
 */
import * as tf from '@tensorflow/tfjs';
import type { PoolLayer } from '../core/network';
import type { PlannedLayer } from '../core/plan';

export type Weights = Readonly<Record<string, tf.Tensor>>;

function weight(weights: Weights, name: string): tf.Tensor {
  const w = weights[name];
  if (!w) throw new Error(`weight ${name} is not loaded`);
  return w;
}

type PoolPadding = 'valid' | 'same' | { before: number; after: number };

/** How TF must pad one axis to reproduce Caffe's ceil-mode output size `out`. */
function axisPadding(input: number, out: number, layer: PoolLayer): PoolPadding {
  const { kernel: k, stride: s, pad } = layer;
  if (pad === 0 && Math.floor((input - k) / s) + 1 === out) return 'valid';
  const total = Math.max((out - 1) * s + k - input, 0);
  if (Math.ceil(input / s) === out && Math.floor(total / 2) === pad) return 'same';
  return { before: pad, after: (out - 1) * s + k - input - pad };
}

/** The pooling padding for a planned pool layer, chosen once when the model is built. */
export function poolPadding(p: PlannedLayer): PoolPadding {
  const layer = p.layer as PoolLayer;
  const h = axisPadding(p.input[0], p.output[0], layer);
  const w = axisPadding(p.input[1], p.output[1], layer);
  if (JSON.stringify(h) !== JSON.stringify(w)) throw new Error(`${layer.name}: non-square pooling geometry`);
  if (typeof h !== 'string' && layer.op === 'avgpool')
    throw new Error(`${layer.name}: average pooling with padding is not supported`);
  return h;
}

export type LayerFn = (x: tf.Tensor4D) => tf.Tensor4D;

/** Builds the function that runs one planned layer (weights looked up once, here). */
export function layerFn(p: PlannedLayer, weights: Weights): LayerFn {
  const layer = p.layer;
  switch (layer.op) {
    case 'conv': {
      const filter = weight(weights, `${layer.name}/filter`) as tf.Tensor4D;
      const bias = weight(weights, `${layer.name}/bias`);
      const q = layer.pad;
      const pad: 'valid' | [[0, 0], [number, number], [number, number], [0, 0]] =
        q === 0 ? 'valid' : [[0, 0], [q, q], [q, q], [0, 0]];
      return (x) =>
        tf.fused.conv2d({ x, filter, bias, strides: layer.stride, pad: pad as 'valid', activation: 'relu' });
    }
    case 'maxpool':
    case 'avgpool': {
      const padding = poolPadding(p);
      const { kernel: k, stride: s } = layer;
      if (layer.op === 'avgpool') return (x) => tf.avgPool(x, k, s, padding as 'valid' | 'same');
      if (typeof padding === 'string') return (x) => tf.maxPool(x, k, s, padding);
      const { before: b, after: a } = padding;
      // Padding with -Infinity makes the padded cells lose every max, as in Caffe.
      return (x) => tf.maxPool(tf.pad(x, [[0, 0], [b, a], [b, a], [0, 0]], -Infinity), k, s, 'valid');
    }
    case 'lrn': {
      // Caffe divides alpha by the window size; tfjs takes the radius and the per-term alpha.
      const radius = (layer.size - 1) / 2;
      return (x) => tf.localResponseNormalization(x, radius, layer.k, layer.alpha / layer.size, layer.beta);
    }
    case 'dropout':
      return (x) => x; // inference: identity
    case 'fc': {
      const b = weight(weights, `${layer.name}/filter`) as tf.Tensor2D;
      const bias = weight(weights, `${layer.name}/bias`);
      const activation = layer.relu ? 'relu' : 'linear';
      return (x) => {
        const n = x.shape[0];
        const y = tf.fused.matMul({ a: tf.reshape(x, [n, -1]), b, bias, activation });
        return tf.reshape(y, [n, 1, 1, layer.outputs]);
      };
    }
    case 'softmax':
      return (x) => tf.reshape(tf.softmax(tf.reshape(x, [x.shape[0], -1])), x.shape);
  }
}
