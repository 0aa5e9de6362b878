/**
 * Transformation robustness (Olah et al. 2017): each step sees the picture jittered, scaled and
 * rotated at random, so that only features that survive small changes grow. One projective
 * transform (tf.image.transform, bilinear, edges reflected) does all three; tfjs has no gradient
 * for it, so its gradient is the inverse transform of the incoming gradient (its adjoint, up to
 * the resampling).
 */
import * as tf from '@tensorflow/tfjs';
import { between, type Rng } from './random';

export interface Jitter {
  /** Largest shift in pixels, each way. */
  readonly jitter: number;
  /** Scales picked from at random. */
  readonly scales: readonly number[];
  /** Largest rotation in degrees, each way. */
  readonly rotateDegrees: number;
}

/** tf.image.transform's 8 numbers for "source point = m . output point + v". */
const row = (m: readonly number[], v: readonly number[]) => [m[0]!, m[1]!, v[0]!, m[2]!, m[3]!, v[1]!, 0, 0];

/** One random transform for a size x size picture: forward and inverse rows. */
export function randomTransform(r: Rng, size: number, j: Jitter): { forward: number[]; inverse: number[] } {
  const s = j.scales.length ? j.scales[between(r, 0, j.scales.length - 1)]! : 1;
  const deg = j.rotateDegrees > 0 ? between(r, -Math.round(j.rotateDegrees), Math.round(j.rotateDegrees)) : 0;
  const t = [between(r, -j.jitter, j.jitter), between(r, -j.jitter, j.jitter)];
  const a = (deg * Math.PI) / 180;
  const c = (size - 1) / 2;
  // Source = A (out - c) + c - t with A = rotation(-a) / s.
  const A = [Math.cos(a) / s, Math.sin(a) / s, -Math.sin(a) / s, Math.cos(a) / s];
  const v = [c - A[0]! * c - A[1]! * c - t[0]!, c - A[2]! * c - A[3]! * c - t[1]!];
  // Inverse: out = A^-1 (src - c + t) + c, A^-1 = s rotation(a).
  const B = [Math.cos(a) * s, -Math.sin(a) * s, Math.sin(a) * s, Math.cos(a) * s];
  const w = [c + B[0]! * (t[0]! - c) + B[1]! * (t[1]! - c), c + B[2]! * (t[0]! - c) + B[3]! * (t[1]! - c)];
  return { forward: row(A, v), inverse: row(B, w) };
}

/** Applies one transform per batch item, with the inverse transform as its gradient. */
export function transformed(images: tf.Tensor4D, forward: number[][], inverse: number[][]): tf.Tensor4D {
  const f = tf.customGrad(((x: tf.Tensor) => {
    const fwd = tf.tensor2d(forward.flat(), [forward.length, 8]);
    const value = tf.image.transform(x as tf.Tensor4D, fwd, 'bilinear', 'reflect');
    return {
      value,
      gradFunc: (dy: tf.Tensor) =>
        tf.tidy(() => tf.image.transform(dy as tf.Tensor4D, tf.tensor2d(inverse.flat(), [inverse.length, 8]), 'bilinear', 'constant', 0))
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (f as (x: tf.Tensor) => tf.Tensor)(images) as tf.Tensor4D;
}
