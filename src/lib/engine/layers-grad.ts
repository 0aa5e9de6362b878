/**
 * The network's layers built for gradients with respect to the input (the weights are constants).
 * A fused conv2d's own gradient always computes the filter's too, with a kernel tfjs's WASM
 * backend lacks (Conv2DBackpropFilter), and its Conv2DBackpropInput is a plain loop there, five
 * times slower than the forward convolution. So a convolution keeps its fused forward pass and
 * gets a custom gradient: the ReLU's mask, then a forward convolution of the (stride-dilated)
 * output gradient with the flipped, transposed filter, which runs on XNNPACK like the forward.
 */
import * as tf from '@tensorflow/tfjs';
import type { ConvLayer } from '../core/network';
import type { PlannedLayer } from '../core/plan';
import { LRN_BLOCK, layerFn, wasmLrn, weight, type LayerFn, type Weights } from './layers';

type Pad4 = [[0, 0], [number, number], [number, number], [0, 0]];

/** Constants one layer's gradient variants share (pass the same object for the same layer of one network). */
export interface GradConstants {
  flipped?: tf.Tensor4D;
}

/** [n, h, w, c] -> [n, h*s, w*s, c] with the values at multiples of s and zeros between. */
function dilate(t: tf.Tensor4D, s: number): tf.Tensor4D {
  if (s === 1) return t;
  const [n, h, w, c] = t.shape;
  const z = tf.zeros([n, h, w, s - 1, c]);
  const cols = tf.reshape(tf.concat([tf.expandDims(t, 3), z], 3), [n, h, w * s, c]);
  const zr = tf.zeros([n, h, s - 1, w * s, c]);
  return tf.reshape(tf.concat([tf.expandDims(cols, 2), zr], 2), [n, h * s, w * s, c]) as tf.Tensor4D;
}

/**
 * d x from d y for y = conv(x, filter, stride, pad) with x's side `inH` x `inW`:
 * dx[i] = sum_k D[i + p - k] w[k], D the stride-dilated dy: a correlation of D with the flipped
 * filter, padded K-1-p before and (in - out*s + p) after (cut where that is negative).
 */
function convInputGrad(dy: tf.Tensor4D, flipped: tf.Tensor4D, k: number, s: number, p: number, inH: number, inW: number): tf.Tensor4D {
  let d = dilate(dy, s);
  const before = k - 1 - p;
  const afterH = inH - dy.shape[1] * s + p;
  const afterW = inW - dy.shape[2] * s + p;
  if (afterH < 0 || afterW < 0)
    d = tf.slice(d, [0, 0, 0, 0], [-1, d.shape[1] + Math.min(0, afterH), d.shape[2] + Math.min(0, afterW), -1]);
  const pad: Pad4 = [[0, 0], [before, Math.max(0, afterH)], [before, Math.max(0, afterW)], [0, 0]];
  return tf.conv2d(d, flipped, 1, pad as unknown as 'valid');
}

/**
 * A convolution + bias + ReLU: fused forward, custom input gradient (see the file's comment).
 * With `relu` false, the same convolution read before its ReLU (no mask in the gradient).
 */
function convLayer(layer: ConvLayer, weights: Weights, owned: tf.Tensor[], relu: boolean, shared: GradConstants): LayerFn {
  const filter = weight(weights, `${layer.name}/filter`) as tf.Tensor4D;
  const bias = weight(weights, `${layer.name}/bias`);
  const { kernel: k, stride: s, pad: p } = layer;
  const pad = (p === 0 ? 'valid' : [[0, 0], [p, p], [p, p], [0, 0]]) as 'valid';
  // [k, k, in, out] -> flipped in space, [k, k, out, in]; made once per layer (shared by the
  // variants before and after the ReLU), kept beyond any tidy scope.
  let flipped = shared.flipped;
  if (!flipped) {
    flipped = shared.flipped = tf.keep(tf.tidy(() => tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D));
    owned.push(flipped);
  }
  const attrs = { strides: s, pad, dataFormat: 'NHWC', dilations: 1, activation: relu ? 'relu' : 'linear' };
  const f = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
    const x4 = x as tf.Tensor4D;
    // The kernel itself: tf.fused.conv2d unfuses while a gradient is being taped.
    const y = tf.engine().runKernel(tf.FusedConv2D, { x: x4, filter, bias }, attrs as never) as tf.Tensor4D;
    save([y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const masked = relu ? (tf.mul(dy, tf.step(saved[0]!)) as tf.Tensor4D) : (dy as tf.Tensor4D);
        return convInputGrad(masked, flipped, k, s, p, x4.shape[1], x4.shape[2]);
      }
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => (f as (x: tf.Tensor) => tf.Tensor)(x) as tf.Tensor4D;
}

/** A fully connected layer: fused forward, input gradient dy W^T (after the ReLU's mask). */
function fcLayer(p: PlannedLayer, weights: Weights, owned: tf.Tensor[]): LayerFn {
  const layer = p.layer as Extract<PlannedLayer['layer'], { op: 'fc' }>;
  const b = weight(weights, `${layer.name}/filter`) as tf.Tensor2D;
  const bias = weight(weights, `${layer.name}/bias`);
  const b3 = tf.keep(tf.reshape(b, [1, ...b.shape]));
  owned.push(b3);
  const f = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
    const x2 = x as tf.Tensor2D;
    const attrs = { transposeA: false, transposeB: false, activation: layer.relu ? 'relu' : 'linear' };
    // The kernel takes batches of matrices ([1, n, k] x [1, k, m]), as tf.fused.matMul hands it.
    const a3 = tf.reshape(x2, [1, ...x2.shape]);
    const y3 = tf.engine().runKernel(tf._FusedMatMul, { a: a3, b: b3, bias }, attrs as never) as tf.Tensor3D;
    const y = tf.reshape(y3, [x2.shape[0], b.shape[1]]);
    save([y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.matMul(layer.relu ? tf.mul(dy, tf.step(saved[0]!)) : dy, b, false, true)
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => {
    const n = x.shape[0];
    return tf.reshape((f as (x: tf.Tensor) => tf.Tensor)(tf.reshape(x, [n, -1])), [n, 1, 1, layer.outputs]);
  };
}

/**
 * A convolution's output before its ReLU (every convolution of the plan has one), differentiable
 * with respect to its input; null for other layers. Feature visualization climbs this: a channel
 * whose ReLU never fires on the starting noise has a zero gradient after it, and stays flat.
 */
export function preReluLayerFn(p: PlannedLayer, weights: Weights, owned: tf.Tensor[] = [], shared: GradConstants = {}): LayerFn | null {
  return p.layer.op === 'conv' ? convLayer(p.layer, weights, owned, false, shared) : null;
}

/** The layer as `layerFn` builds it, differentiable with respect to its input on every backend. */
export function inputGradLayerFn(p: PlannedLayer, weights: Weights, owned: tf.Tensor[] = [], shared: GradConstants = {}): LayerFn {
  const layer = p.layer;
  switch (layer.op) {
    case 'conv':
      return convLayer(layer, weights, owned, true, shared);
    case 'fc':
      return fcLayer(p, weights, owned);
    case 'lrn': {
      // The WASM LRN's sum runs as a 1x3 convolution: unfused, so its gradient needs no filter gradient.
      const radius = (layer.size - 1) / 2;
      if (tf.getBackend() === 'wasm' && p.input[2] % LRN_BLOCK === 0 && radius <= LRN_BLOCK && layer.beta === 0.75)
        return wasmLrn(p.input[2], radius, layer.k, layer.alpha / layer.size, owned, false);
      return layerFn(p, weights, owned);
    }
    default:
      return layerFn(p, weights, owned);
  }
}
