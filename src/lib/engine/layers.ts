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

export function weight(weights: Weights, name: string): tf.Tensor {
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

/** Channels per block of the WASM LRN's windowed sum. */
export const LRN_BLOCK = 8;

/**
 * Caffe's across-channel LRN with beta 0.75 for the WASM backend, whose own LRN kernel is
 * single-threaded and calls pow per element. The windowed sum of squares runs on XNNPACK: the
 * channels are cut into blocks of 8 laid along the width, [n, h*w, c/8, 8], and a 1x3 conv
 * (padding 1) adds each channel's neighbours from its own block and the two beside it, times
 * alpha, plus k as the bias. Then x / d^0.75 = x / (s * sqrt(s)) with s = sqrt(d), which avoids
 * pow (and WASM's slower Square and Rsqrt kernels).
 * The two constants are made once and pushed on `owned`: whoever builds the layer frees them.
 */
export function wasmLrn(channels: number, radius: number, k: number, alpha: number, owned: tf.Tensor[], fused = true): LayerFn {
  const B = LRN_BLOCK;
  const w = new Float32Array(3 * B * B); // [1, 3, B in, B out]
  for (let o = 0; o < B; o++)
    for (let d = -radius; d <= radius; d++) {
      const g = o + d; // the input channel, relative to the output's block
      const kw = g < 0 ? 0 : g >= B ? 2 : 1;
      w[(kw * B + ((g + B) % B)) * B + o] = alpha;
    }
  // Kept: the layer may be built inside a tidy scope (on the first differentiable pass).
  const filter = tf.keep(tf.tensor4d(w, [1, 3, B, B]));
  const bias = tf.keep(tf.fill([B], k));
  owned.push(filter, bias);
  return (x) => {
    const [n, h, wd] = x.shape;
    const sq = tf.reshape(tf.mul(x, x), [n, h * wd, channels / B, B]) as tf.Tensor4D;
    const pad = [[0, 0], [0, 0], [1, 1], [0, 0]] as unknown as 'valid';
    const sum = fused ? tf.fused.conv2d({ x: sq, filter, bias, strides: 1, pad }) : tf.add(tf.conv2d(sq, filter, 1, pad), bias);
    const d = tf.reshape(sum, x.shape);
    const s = tf.sqrt(d);
    return tf.div(x, tf.mul(s, tf.sqrt(s)));
  };
}

/**
 * Builds the function that runs one planned layer (weights looked up once, here). Constants the
 * layer makes for itself (the WASM LRN's) go on `owned`, for the caller to dispose.
 */
export function layerFn(p: PlannedLayer, weights: Weights, owned: tf.Tensor[] = []): LayerFn {
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
      const channels = p.input[2];
      if (tf.getBackend() === 'wasm' && channels % LRN_BLOCK === 0 && radius <= LRN_BLOCK && layer.beta === 0.75)
        return wasmLrn(channels, radius, layer.k, layer.alpha / layer.size, owned);
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

