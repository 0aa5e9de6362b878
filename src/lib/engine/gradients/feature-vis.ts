/**
 * Feature visualization (Olah et al. 2017, Distill): gradient ascent on a picture, from seeded
 * noise, of an objective (a channel's mean, a unit, a class logit), with their regularisers:
 * a Fourier parameterisation with 1/f scaling, a decorrelated colour space, and transformation
 * robustness (jitter, scale, rotation), stepped with Adam. The negative direction is the channel
 * objective with sign -1; a batch above 1 with `diversity` > 0 adds their diversity term (the
 * pictures' Gram matrices at the objective's tap pushed apart by cosine similarity).
 */
import * as tf from '@tensorflow/tfjs';
import type { GoogLeNet } from '../googlenet';
import { rgbaImage, toInput, type RgbaImage } from './image';
import { checkObjective, objectiveOfTap, objectiveTap, type Objective } from './objective';
import { parameterise } from './param';
import { rng } from './random';
import { randomTransform, transformed } from './transform';

export interface FeatureVisSettings {
  /** Side of the square picture in pixels (a logit objective is resized to 224 for the network). */
  size: number;
  steps: number;
  /** Adam's learning rate. */
  learningRate: number;
  /** Largest random shift per step, pixels. */
  jitter: number;
  /** Random scales picked from per step. */
  scales: readonly number[];
  /** Largest random rotation per step, degrees. */
  rotateDegrees: number;
  /** Decorrelated colour space. */
  decorrelate: boolean;
  /** Fourier parameterisation with 1/f scaling (else pixels). */
  fourier: boolean;
  seed: number;
  /** Multiplies the objective: -1 looks for what the unit is most against. */
  sign: 1 | -1;
  /** Pictures optimised together. */
  batch: number;
  /** Weight of the diversity term (batch > 1). */
  diversity: number;
  /**
   * A channel or unit of a convolution or module output is climbed before its ReLU (as lucid
   * does): after the ReLU a channel that never fires on the starting noise has no gradient.
   */
  preRelu: boolean;
}

/**
 * lucid's regularisers and Adam 0.05, 128 px; 128 steps (an inception_4c channel is already
 * readable after 32-64, lucid runs 512).
 */
export const DEFAULT_FEATURE_VIS: FeatureVisSettings = {
  size: 128,
  steps: 128,
  learningRate: 0.05,
  jitter: 8,
  scales: [0.9, 0.95, 1, 1.05, 1.1],
  rotateDegrees: 10,
  decorrelate: true,
  fourier: true,
  seed: 0,
  sign: 1,
  batch: 1,
  diversity: 0,
  preRelu: true
};

export const FEATURE_VIS_LIMITS = { size: [32, 512], steps: [1, 4096], batch: [1, 8] } as const;

/** Null when the settings are usable, else one line naming the valid range. */
export function validateFeatureVis(s: FeatureVisSettings): string | null {
  for (const key of ['size', 'steps', 'batch'] as const) {
    const [lo, hi] = FEATURE_VIS_LIMITS[key];
    const v = s[key];
    if (!Number.isInteger(v) || v < lo || v > hi) return `${key} ${String(v)} is out of range: expected an integer from ${lo} to ${hi}`;
  }
  if (!(s.learningRate > 0)) return `learning rate must be above 0, not ${String(s.learningRate)}`;
  return null;
}

export interface VisStep {
  step: number;
  steps: number;
  /** The objective (times the sign) on this step's transformed pictures, averaged over the batch, minus the diversity term. */
  value: number;
  /** The pictures now, one per batch item (computed only when called). */
  images: () => RgbaImage[];
}

/** Pairwise cosine similarity of the batch items' Gram matrices at a tap (lucid's diversity). */
function diversityPenalty(t: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [b, h, w, c] = t.shape;
    const flat = tf.reshape(t, [b, h * w, c]) as tf.Tensor3D;
    const gram = tf.reshape(tf.matMul(flat, flat, true, false), [b, c * c]);
    const unit = tf.div(gram, tf.add(tf.norm(gram, 2, 1, true), 1e-8));
    const sim = tf.matMul(unit, unit, false, true); // [b, b]
    return tf.div(tf.sub(tf.sum(sim), tf.sum(tf.mul(sim, tf.eye(b)))), b * (b - 1)) as tf.Scalar;
  });
}

/**
 * Yields after every step (the consumer stops the run with .return()); returns the final
 * pictures. Everything it made is freed when it ends, however it ends.
 */
export async function* featureVis(net: GoogLeNet, o: Objective, s: FeatureVisSettings): AsyncGenerator<VisStep, RgbaImage[]> {
  checkObjective(net, o);
  const problem = validateFeatureVis(s);
  if (problem) throw new Error(problem);
  const tap = objectiveTap(net, o);
  const full = o.kind === 'logit';
  const preRelu = s.preRelu && (o.kind === 'channel' || o.kind === 'unit');
  const [netH, netW] = net.plan.network.input;
  const param = parameterise(s.size, s.batch, s.fourier, s.decorrelate, s.seed);
  const optimizer = tf.train.adam(s.learningRate);
  const r = rng(s.seed + 1);
  const pictures = () =>
    tf.tidy(() => {
      const img = tf.mul(param.image(), 255);
      return Array.from({ length: s.batch }, (_, i) => tf.slice(img, [i, 0, 0, 0], [1, -1, -1, -1]));
    });
  const images = () => {
    const ts = pictures();
    try {
      return ts.map((t) => rgbaImage(t));
    } finally {
      tf.dispose(ts);
    }
  };
  try {
    for (let step = 1; step <= s.steps; step++) {
      const moves = Array.from({ length: s.batch }, () => randomTransform(r, s.size, s));
      const loss = optimizer.minimize(
        () => {
          const seen = transformed(param.image(), moves.map((m) => m.forward), moves.map((m) => m.inverse));
          let input = toInput(net, tf.mul(seen, 255) as tf.Tensor4D);
          if (full) input = tf.image.resizeBilinear(input, [netH, netW], false, true);
          const { taps } = net.forward(input, { taps: [tap], differentiable: true, stopAfterTaps: !full, aux: false, preRelu });
          const value = tf.mul(objectiveOfTap(taps[tap]!, o), s.sign) as tf.Scalar;
          const penalty = s.batch > 1 && s.diversity > 0 ? tf.mul(diversityPenalty(taps[tap]!), s.diversity) : tf.scalar(0);
          return tf.sub(penalty, value) as tf.Scalar;
        },
        true,
        [param.params]
      );
      const value = -(await loss!.data())[0]!;
      loss!.dispose();
      yield { step, steps: s.steps, value, images };
    }
    return images();
  } finally {
    optimizer.dispose();
    param.dispose();
  }
}
