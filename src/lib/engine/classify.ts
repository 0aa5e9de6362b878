/**
 * Classifies one image: cuts the test-time crops, runs them through the network in chunks (to
 * bound memory) and averages the softmax outputs, as the paper's section 7 does.
 */
import * as tf from '@tensorflow/tfjs';
import { CROP_SIDE, cropBoxes, type CropCount } from './crops';
import type { GoogLeNet } from './googlenet';
import { cutCrops, toNetworkInput, toRgb } from './preprocess';

export interface ClassifyOptions {
  readonly crops?: CropCount;
  /** Crops per forward pass. */
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Prediction {
  readonly index: number;
  readonly label: string;
  readonly p: number;
}

/** `pixels`: [h, w, 1|2|3|4], 0..255. Returns the averaged probabilities (length 1000). */
export async function classifyPixels(net: GoogLeNet, pixels: tf.Tensor3D, options: ClassifyOptions = {}): Promise<Float32Array> {
  const [height, width] = pixels.shape;
  const boxes = cropBoxes(width, height, options.crops ?? 1);
  const chunk = Math.max(1, options.chunk ?? 16);
  const rgb = toRgb(pixels);
  const resized = new Map<number, tf.Tensor3D>();
  let sum: Float32Array | undefined;
  try {
    for (let at = 0; at < boxes.length; at += chunk) {
      const part = boxes.slice(at, at + chunk);
      const summed = tf.tidy(() => {
        const input = toNetworkInput(cutCrops(rgb, part, CROP_SIDE, resized), net.plan.network.meanBgr);
        const { probs } = net.forward(input, { aux: false });
        return tf.sum(probs, 0);
      });
      const values = (await summed.data()) as Float32Array;
      summed.dispose();
      if (!sum) sum = new Float32Array(values.length);
      for (let i = 0; i < values.length; i++) sum[i] = (sum[i] as number) + (values[i] as number);
      options.onProgress?.(Math.min(at + chunk, boxes.length), boxes.length);
    }
  } finally {
    rgb.dispose();
    tf.dispose([...resized.values()]);
  }
  const out = sum ?? new Float32Array(0);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / boxes.length;
  return out;
}

/** The `k` most probable classes, best first. */
export function topK(probs: ArrayLike<number>, labels: readonly string[], k = 5): Prediction[] {
  const order = Array.from({ length: probs.length }, (_, i) => i).sort((a, b) => (probs[b] as number) - (probs[a] as number));
  return order.slice(0, k).map((index) => ({ index, label: labels[index] ?? `class ${index}`, p: probs[index] as number }));
}
