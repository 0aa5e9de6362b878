/**
 * Why the network said "cat": Grad-CAM (Selvaraju et al. 2017) on a late tap, gradient saliency
 * (gradient x input by default; the plain gradient and SmoothGrad on request), and the sanity check of Adebayo et al. (2018): re-draw the top
 * layers' weights (cascading randomization) and compare the maps by rank correlation.
 */
import * as tf from '@tensorflow/tfjs';
import type { Plan } from '../../core/plan';
import { isModule } from '../../core/plan';
import type { GoogLeNet } from '../googlenet';
import type { Weights } from '../layers';
import { inputGradient } from './gradient';
import { checkObjective, logitTap } from './objective';
import { normal, rng } from './random';

export interface Heatmap {
  readonly width: number;
  readonly height: number;
  /** In [0, 1], row-major. */
  readonly values: Float32Array;
}

export const DEFAULT_CAM_TAP = 'inception_5b/output';

/** [h, w] non-negative -> a Heatmap scaled so that its maximum is 1 (all zeros stay zeros). */
function heatmap(t: tf.Tensor2D): Heatmap {
  const [height, width] = t.shape;
  const values = tf.tidy(() => {
    const max = tf.max(t);
    return tf.div(t, tf.maximum(max, 1e-20));
  });
  const out = values.dataSync() as Float32Array;
  values.dispose();
  return { width, height, values: new Float32Array(out) };
}

/**
 * Grad-CAM for `classIndex` at `tap`: ReLU(sum over channels of (mean gradient of the logit over
 * the channel's positions) x activation), resized bilinearly to the input's size (224x224).
 */
export function gradCam(net: GoogLeNet, input: tf.Tensor4D, classIndex: number, tap: string = DEFAULT_CAM_TAP): Heatmap {
  checkObjective(net, { kind: 'logit', classIndex });
  checkObjective(net, { kind: 'layer', tap });
  const logits = logitTap(net);
  const shape = net.tapShapes.get(tap)!;
  const cam = tf.tidy(() => {
    let activation: tf.Tensor4D | undefined;
    // A zero probe added to the tap: the gradient with respect to it is d logit / d activation.
    const probe = tf.zeros([input.shape[0], ...shape]) as tf.Tensor4D;
    const grad = tf.grad((p: tf.Tensor) => {
      const { taps } = net.forward(input, {
        taps: [tap, logits],
        differentiable: true,
        stopAfterTaps: true,
        aux: false,
        edit: { [tap]: (a) => tf.add(a, p) as tf.Tensor4D }
      });
      activation = tf.keep(taps[tap]!.clone());
      return tf.slice(tf.reshape(taps[logits]!, [input.shape[0], -1]), [0, classIndex], [1, 1]).sum() as tf.Scalar;
    })(probe);
    const weights = tf.mean(grad, [1, 2], true); // [1, 1, 1, c]
    const map = tf.relu(tf.sum(tf.mul(activation!, weights), 3, true)); // [1, h, w, 1]
    activation!.dispose();
    const [, h, w] = input.shape;
    return tf.reshape(tf.image.resizeBilinear(map as tf.Tensor4D, [h, w], false, true), [h, w]) as tf.Tensor2D;
  });
  try {
    return heatmap(cam);
  } finally {
    cam.dispose();
  }
}

/** Scales a map so that its `q` quantile is 1, clipping the few values above it. */
function clipAtQuantile(m: Heatmap, q: number): Heatmap {
  const sorted = Float32Array.from(m.values).sort();
  const top = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  if (!(top > 0)) return m;
  return { ...m, values: m.values.map((v) => Math.min(1, v / top)) };
}

/**
 * How the saliency map is made from the class score's input gradient. The plain gradient
 * (Simonyan et al. 2014) is grainy; two remedies: SmoothGrad (Smilkov et al. 2017), the gradient
 * averaged over `samples` copies of the input with Gaussian noise of `noise` times the input's
 * range (max - min) added, one pass each; and gradient x input (Shrikumar et al. 2016), the
 * gradient times the input (BGR relative to the mean image), summed over the colours: one pass.
 * On chelsea at 224 px, gradient x input outlines the eyes and nose; SmoothGrad with 4-16 samples
 * shows blobs over them, still grainy, at 4-16 times the cost. So the default is gradient x input.
 */
export interface SaliencySettings {
  /** Multiply by the input (|sum over colours of g x input|) instead of the largest |g| of the colours. */
  readonly timesInput: boolean;
  /** Noisy copies averaged (SmoothGrad); 1 with `noise` 0 is the plain gradient. */
  readonly samples: number;
  /** The noise's standard deviation as a fraction of the input's range (Smilkov et al.: 10-20%). */
  readonly noise: number;
  readonly seed: number;
}

export const DEFAULT_SALIENCY: SaliencySettings = { timesInput: true, samples: 1, noise: 0, seed: 0 };
/** SmoothGrad as Smilkov et al. suggest it, with few samples (each costs a gradient pass). */
export const SMOOTHGRAD: SaliencySettings = { timesInput: false, samples: 8, noise: 0.15, seed: 0 };
/** The plain gradient, one pass. */
export const PLAIN_SALIENCY: SaliencySettings = { timesInput: false, samples: 1, noise: 0, seed: 0 };

export const SALIENCY_LIMITS = { samples: [1, 64] } as const;

/** Null when the settings are usable, else one line naming the valid range. */
export function validateSaliency(s: SaliencySettings): string | null {
  const [lo, hi] = SALIENCY_LIMITS.samples;
  if (!Number.isInteger(s.samples) || s.samples < lo || s.samples > hi) return `samples ${String(s.samples)} is out of range: expected an integer from ${lo} to ${hi}`;
  if (!(s.noise >= 0 && s.noise <= 1)) return `noise ${String(s.noise)} is out of range: expected a fraction of the input's range from 0 to 1`;
  return null;
}

/** The input gradient averaged over the noisy copies ([1, h, w, 3]); the caller disposes it. */
export function smoothGradient(net: GoogLeNet, input: tf.Tensor4D, classIndex: number, s: SaliencySettings): tf.Tensor4D {
  const problem = validateSaliency(s);
  if (problem) throw new Error(problem);
  const range = s.noise > 0 ? tf.tidy(() => tf.sub(tf.max(input), tf.min(input)).dataSync()[0]!) : 0;
  let sum: tf.Tensor4D | null = null;
  // Seeds from 1: tfjs draws an unseeded (random) sequence for seed 0.
  for (let i = 0; i < s.samples; i++) {
    const noisy = s.noise > 0 ? tf.tidy(() => tf.add(input, tf.randomNormal(input.shape, 0, s.noise * range, 'float32', s.seed * 1000 + i + 1)) as tf.Tensor4D) : input;
    const { grad } = inputGradient(net, noisy, { kind: 'logit', classIndex });
    if (noisy !== input) noisy.dispose();
    if (sum === null) sum = grad;
    else {
      const next: tf.Tensor4D = tf.add(sum, grad);
      tf.dispose([sum, grad]);
      sum = next;
    }
  }
  const mean = tf.div(sum!, s.samples) as tf.Tensor4D;
  sum!.dispose();
  return mean;
}

/**
 * The saliency map for `classIndex` (see SaliencySettings; default gradient x input), 224x224,
 * scaled so that its 99th percentile is 1 (a few extreme pixels would otherwise leave the rest black).
 */
export function saliency(net: GoogLeNet, input: tf.Tensor4D, classIndex: number, s: SaliencySettings = DEFAULT_SALIENCY): Heatmap {
  const grad = smoothGradient(net, input, classIndex, s);
  const map = tf.tidy(() => {
    const [, h, w] = grad.shape;
    const m = s.timesInput ? tf.abs(tf.sum(tf.mul(grad, input), 3)) : tf.max(tf.abs(grad), 3);
    return tf.reshape(m, [h, w]) as tf.Tensor2D;
  });
  grad.dispose();
  try {
    return clipAtQuantile(heatmap(map), 0.99);
  } finally {
    map.dispose();
  }
}

/** The main path's weighted layers in execution order (auxiliary heads left out). */
export function weightedLayers(plan: Plan): string[] {
  const names: string[] = [];
  for (const row of plan.rows) {
    const layers = isModule(row.block) ? row.block.branches.flatMap((b) => b.layers) : row.block;
    for (const l of layers) if (l.layer.op === 'conv' || l.layer.op === 'fc') names.push(l.layer.name);
  }
  return names;
}

/**
 * The layers cascading randomization re-draws from `fromLayer` (a layer such as
 * `loss3/classifier`, or a module such as `inception_5b`): it and every weighted layer after it.
 */
export function randomizedLayers(plan: Plan, fromLayer: string): string[] {
  const names = weightedLayers(plan);
  const start = names.findIndex((n) => n === fromLayer || n.startsWith(`${fromLayer}/`));
  if (start < 0) throw new Error(`unknown layer "${fromLayer}" to randomize from (e.g. loss3/classifier, inception_5b, inception_4e)`);
  return names.slice(start);
}

/**
 * Cascading randomization (Adebayo et al. 2018): the weights of `fromLayer` and every weighted
 * layer above it re-drawn from a normal distribution with each tensor's own standard deviation
 * (seeded); the others are the same tensors as in `weights`. Only the re-drawn tensors are new:
 * dispose those (`randomizedLayers` names their layers) and keep the rest.
 */
export function randomizedWeights(weights: Weights, plan: Plan, fromLayer: string, seed: number): Weights {
  const r = rng(seed);
  const out: Record<string, tf.Tensor> = { ...weights };
  for (const layer of randomizedLayers(plan, fromLayer))
    for (const part of ['filter', 'bias']) {
      const name = `${layer}/${part}`;
      const w = weights[name];
      if (!w) continue;
      const values = w.dataSync();
      let sum = 0;
      let sq = 0;
      for (const v of values) {
        sum += v;
        sq += v * v;
      }
      const std = Math.sqrt(Math.max(0, sq / values.length - (sum / values.length) ** 2));
      const drawn = new Float32Array(values.length);
      for (let i = 0; i < drawn.length; i++) drawn[i] = normal(r) * std;
      out[name] = tf.tensor(drawn, w.shape, 'float32');
    }
  return out;
}

/** Ranks with ties given their average rank (1-based). */
function ranks(v: Float32Array): Float64Array {
  const order = Array.from(v.keys()).sort((a, b) => v[a]! - v[b]!);
  const r = new Float64Array(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]!] === v[order[i]!]) j++;
    for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation of two heatmaps of the same size (Pearson's r of their ranks). */
export function rankCorrelation(a: Heatmap, b: Heatmap): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`heatmaps differ in size: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  const ra = ranks(a.values);
  const rb = ranks(b.values);
  const n = ra.length;
  const mean = (n + 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const x = ra[i]! - mean;
    const y = rb[i]! - mean;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}
