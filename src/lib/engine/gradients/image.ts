/**
 * Pictures in and out of the gradient code: RGBA bytes (what a canvas, a PNG or a Worker message
 * holds) and RGB tensors in 0..255, and the differentiable step from RGB to the network's input.
 */
import * as tf from '@tensorflow/tfjs';
import type { GoogLeNet } from '../googlenet';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, row-major. */
  readonly data: Uint8ClampedArray;
}

/** RGBA bytes -> float RGB [1, h, w, 3] in 0..255 (alpha composited on white). */
export function rgbTensor(image: RgbaImage): tf.Tensor4D {
  const { width, height, data } = image;
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    const a = data[i + 3]! / 255;
    for (let k = 0; k < 3; k++) rgb[j + k] = data[i + k]! * a + 255 * (1 - a);
  }
  return tf.tensor4d(rgb, [1, height, width, 3]);
}

/** RGB [h, w, 3] or [1, h, w, 3] in 0..255 -> RGBA bytes (rounded, clamped, opaque). */
export function rgbaImage(rgb: tf.Tensor): RgbaImage {
  const [height, width] = rgb.shape.length === 4 ? rgb.shape.slice(1) : rgb.shape;
  const values = rgb.dataSync();
  const data = new Uint8ClampedArray(width! * height! * 4);
  for (let i = 0, j = 0; j < values.length; i += 4, j += 3) {
    data[i] = values[j]!;
    data[i + 1] = values[j + 1]!;
    data[i + 2] = values[j + 2]!;
    data[i + 3] = 255;
  }
  return { width: width!, height: height!, data };
}

/**
 * RGB [n, h, w, 3] in 0..255 -> the network's input (BGR minus the mean), with ops whose
 * gradient every backend has (preprocess.ts's fused 1x1 convolution would also want a filter
 * gradient, which tfjs-wasm lacks).
 */
export function toInput(net: GoogLeNet, rgb: tf.Tensor4D): tf.Tensor4D {
  const [b, g, r] = net.plan.network.meanBgr;
  return tf.tidy(() => tf.sub(tf.reverse(rgb, -1), tf.tensor1d([b, g, r])));
}

/** The inverse of `toInput`: the network's input -> RGB in 0..255. */
export function fromInput(net: GoogLeNet, input: tf.Tensor4D): tf.Tensor4D {
  const [b, g, r] = net.plan.network.meanBgr;
  return tf.tidy(() => tf.reverse(tf.add(input, tf.tensor1d([b, g, r])), -1));
}
