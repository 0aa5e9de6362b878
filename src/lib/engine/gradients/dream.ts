/**
 * DeepDream (Mordvintsev, Olah and Tyka 2015, on this BVLC GoogLeNet): gradient ascent on the
 * photo itself of the mean square of a tap's activations ("amplify whatever the layer sees"),
 * over octaves from small to full size, each step on a randomly rolled image with the gradient
 * normalised by its mean magnitude, as in their deepdream notebook.
 */
import * as tf from '@tensorflow/tfjs';
import type { GoogLeNet } from '../googlenet';
import { inputGradient } from './gradient';
import { fromInput, rgbaImage, rgbTensor, toInput, type RgbaImage } from './image';
import { checkObjective, type NetShape } from './objective';
import { between, rng } from './random';

export interface DreamSettings {
  tap: string;
  octaves: number;
  /** Each octave is this much larger than the one before. */
  octaveScale: number;
  stepsPerOctave: number;
  /** Step size, in the input's units (0..255) per mean gradient. */
  stepSize: number;
  /** Largest random roll in pixels, each way. */
  jitter: number;
  /** The photo's longer side is scaled down to this first. */
  maxSide: number;
}

/** The original notebook's settings (4 octaves of 1.4, 10 steps, step 1.5, jitter 32) on inception_4c/output. */
export const DEFAULT_DREAM: DreamSettings = {
  tap: 'inception_4c/output',
  octaves: 4,
  octaveScale: 1.4,
  stepsPerOctave: 10,
  stepSize: 1.5,
  jitter: 32,
  maxSide: 448
};

/** The smallest side an octave may have (the network needs some room for its pools). */
export const MIN_OCTAVE_SIDE = 48;

export const DREAM_LIMITS = { octaves: [1, 8], stepsPerOctave: [1, 100], maxSide: [64, 1024] } as const;

/** Null when the settings are usable on `net`, else one line naming the valid range. */
export function validateDream(net: NetShape, s: DreamSettings): string | null {
  const o = checkTap(net, s.tap);
  if (o) return o;
  for (const key of ['octaves', 'stepsPerOctave', 'maxSide'] as const) {
    const [lo, hi] = DREAM_LIMITS[key];
    const v = s[key];
    if (!Number.isInteger(v) || v < lo || v > hi) return `${key} ${String(v)} is out of range: expected an integer from ${lo} to ${hi}`;
  }
  if (!(s.octaveScale >= 1)) return `octave scale must be at least 1, not ${String(s.octaveScale)}`;
  if (!(s.stepSize > 0)) return `step size must be above 0, not ${String(s.stepSize)}`;
  return null;
}

function checkTap(net: NetShape, tap: string): string | null {
  try {
    checkObjective(net, { kind: 'layer', tap });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface DreamStep {
  octave: number;
  octaves: number;
  /** Step within the octave, from 1. */
  step: number;
  /** Steps in all octaves together. */
  total: number;
  /** Steps done so far. */
  done: number;
  /** The picture now, at this octave's size (computed only when called). */
  image: () => RgbaImage;
}

/** Rolls [1, h, w, c] by (dy, dx) with wrap-around (numpy's roll). */
function roll(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const rows = ((dy % h) + h) % h;
    const cols = ((dx % w) + w) % w;
    let y = rows ? tf.concat([tf.slice(x, [0, h - rows, 0, 0], [-1, rows, -1, -1]), tf.slice(x, [0, 0, 0, 0], [-1, h - rows, -1, -1])], 1) : tf.clone(x);
    if (cols) y = tf.concat([tf.slice(y, [0, 0, w - cols, 0], [-1, -1, cols, -1]), tf.slice(y, [0, 0, 0, 0], [-1, -1, w - cols, -1])], 2);
    return y as tf.Tensor4D;
  });
}

/** The octaves' sizes, smallest first, the last the photo's (scaled to maxSide). */
export function octaveSizes(width: number, height: number, s: DreamSettings): [number, number][] {
  const f = Math.min(1, s.maxSide / Math.max(width, height));
  const base: [number, number] = [Math.max(1, Math.round(height * f)), Math.max(1, Math.round(width * f))];
  const sizes: [number, number][] = [];
  for (let i = s.octaves - 1; i >= 0; i--) {
    const k = s.octaveScale ** i;
    const size: [number, number] = [Math.round(base[0] / k), Math.round(base[1] / k)];
    if (Math.min(...size) >= MIN_OCTAVE_SIDE || i === 0) sizes.push(size);
  }
  return sizes;
}

/** Yields after every step; returns the dream at the photo's scaled size. Frees what it made however it ends. */
export async function* deepDream(net: GoogLeNet, photo: RgbaImage, s: DreamSettings): AsyncGenerator<DreamStep, RgbaImage> {
  const problem = validateDream(net, s);
  if (problem) throw new Error(problem);
  if (Math.min(photo.width, photo.height) < MIN_OCTAVE_SIDE) throw new Error(`the photo is too small: at least ${MIN_OCTAVE_SIDE} pixels a side`);
  const sizes = octaveSizes(photo.width, photo.height, s);
  const total = sizes.length * s.stepsPerOctave;
  const r = rng(0);
  const [mb, mg, mr] = net.plan.network.meanBgr;
  const low = tf.tensor1d([-mb, -mg, -mr]);
  const high = tf.tensor1d([255 - mb, 255 - mg, 255 - mr]);
  const full = tf.tidy(() => {
    const rgb = rgbTensor(photo);
    const [h, w] = sizes[sizes.length - 1]!;
    return toInput(net, tf.image.resizeBilinear(rgb, [h, w], false, true));
  });
  let detail: tf.Tensor4D | undefined;
  let src: tf.Tensor4D | undefined;
  const picture = (): RgbaImage => {
    const rgb = tf.tidy(() => tf.clipByValue(fromInput(net, src!), 0, 255));
    try {
      return rgbaImage(rgb);
    } finally {
      rgb.dispose();
    }
  };
  let done = 0;
  try {
    for (let oi = 0; oi < sizes.length; oi++) {
      const [h, w] = sizes[oi]!;
      const base = tf.tidy(() => tf.image.resizeBilinear(full, [h, w], false, true));
      const prev = src;
      src = tf.tidy(() => (detail ? tf.add(base, tf.image.resizeBilinear(detail, [h, w], false, true)) : tf.clone(base)));
      prev?.dispose();
      for (let step = 1; step <= s.stepsPerOctave; step++) {
        const oy = between(r, -s.jitter, s.jitter);
        const ox = between(r, -s.jitter, s.jitter);
        const rolled = roll(src, oy, ox);
        const { grad } = inputGradient(net, rolled, { kind: 'layer', tap: s.tap });
        rolled.dispose();
        const next = tf.tidy(() => {
          const g = roll(grad, -oy, -ox);
          const scale = tf.div(s.stepSize, tf.add(tf.mean(tf.abs(g)), 1e-8));
          return tf.clipByValue(tf.add(src!, tf.mul(g, scale)), -255, 255).maximum(low).minimum(high) as tf.Tensor4D;
        });
        grad.dispose();
        src.dispose();
        src = next;
        done++;
        await Promise.resolve();
        yield { octave: oi + 1, octaves: sizes.length, step, total, done, image: picture };
      }
      detail?.dispose();
      detail = tf.tidy(() => tf.sub(src!, base));
      base.dispose();
    }
    return picture();
  } finally {
    tf.dispose([low, high, full, ...(detail ? [detail] : []), ...(src ? [src] : [])]);
  }
}
