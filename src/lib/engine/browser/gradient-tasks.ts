/**
 * The jobs the gradient worker runs, as plain functions of a loaded network: C's feature
 * visualization, DeepDream and attribution, with progress, stopping between steps, and every
 * tensor a job makes disposed before it ends (the network's weights stay for the next job).
 */
import * as tf from '@tensorflow/tfjs';
import { CROP_SIDE, cropBoxes } from '../crops';
import { createGoogLeNet, type GoogLeNet } from '../googlenet';
import type { Weights } from '../layers';
import { cutCrops, toNetworkInput, toRgb } from '../preprocess';
import { gradCam, randomizedWeights, saliency, type Heatmap, type SaliencySettings } from '../gradients/attribution';
import { deepDream, type DreamSettings } from '../gradients/dream';
import { featureVis, type FeatureVisSettings } from '../gradients/feature-vis';
import type { RgbaImage } from '../gradients/image';
import { validateObjective, type Objective } from '../gradients/objective';
import type { Progress } from './gradient-protocol';
import { yieldToPage } from './yield';

/** The job was stopped on request. */
export class JobStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'AbortError';
  }
}

export interface JobControl {
  readonly stopped: () => boolean;
  readonly progress: (p: Progress) => void;
}

/** At most one picture per this many ms goes to the page (each is a read-back from the backend). */
export const IMAGE_EVERY_MS = 200;

/** Runs a generator to its end, yielding to the worker's events between steps; stops when asked. */
async function drive<S, R>(gen: AsyncGenerator<S, R>, control: JobControl, onStep: (s: S, withImage: boolean) => void): Promise<R> {
  let shown = -Infinity;
  let finished = false;
  try {
    for (let first = true; ; first = false) {
      const r = await gen.next();
      if (r.done) {
        finished = true;
        return r.value;
      }
      await yieldToPage(); // lets a stop message in
      if (control.stopped()) throw new JobStopped();
      const now = performance.now();
      const withImage = first || now - shown >= IMAGE_EVERY_MS;
      if (withImage) shown = now;
      onStep(r.value, withImage);
    }
  } finally {
    if (!finished) await gen.return(undefined as R);
  }
}

export async function runFeatureVis(net: GoogLeNet, objective: Objective, settings: FeatureVisSettings, control: JobControl): Promise<RgbaImage[]> {
  const refusal = validateObjective(net, objective);
  if (refusal) throw new Error(refusal);
  return drive(featureVis(net, objective, settings), control, (s, withImage) =>
    control.progress({ kind: 'featureVis', step: s.step, steps: s.steps, value: s.value, images: withImage ? s.images() : null })
  );
}

export async function runDream(net: GoogLeNet, photo: RgbaImage, settings: DreamSettings, control: JobControl): Promise<RgbaImage> {
  return drive(deepDream(net, photo, settings), control, (s, withImage) =>
    control.progress({ kind: 'dream', done: s.done, total: s.total, octave: s.octave, image: withImage ? s.image() : null })
  );
}

/** The photo's centre crop as the network's input, as the live page cuts it. */
export function photoInput(net: GoogLeNet, photo: RgbaImage): tf.Tensor4D {
  return tf.tidy(() => {
    const rgb = toRgb(tf.tensor3d(new Uint8Array(photo.data.buffer, photo.data.byteOffset, photo.data.length), [photo.height, photo.width, 4], 'int32'));
    const cache = new Map<number, tf.Tensor3D>();
    const crops = cutCrops(rgb, cropBoxes(photo.width, photo.height, 1), CROP_SIDE, cache);
    tf.dispose([...cache.values()]);
    return toNetworkInput(crops, net.plan.network.meanBgr);
  });
}

export interface AttributeTask {
  readonly photo: RgbaImage;
  readonly classIndices: readonly number[];
  readonly method: 'gradcam' | 'saliency';
  readonly tap?: string;
  readonly randomizeFrom?: string;
  readonly saliency?: SaliencySettings;
}

/** One heatmap per class; with `randomizeFrom`, on a copy of the network whose top layers are re-drawn. */
export async function runAttribute(net: GoogLeNet, weights: Weights, task: AttributeTask, control: JobControl): Promise<Heatmap[]> {
  const bad = task.classIndices.find((c) => !Number.isInteger(c) || c < 0 || c >= 1000);
  if (bad !== undefined) throw new Error(`class ${bad} is not one of the 1000 classes (0 to 999)`);
  let used = net;
  let made: tf.Tensor[] = [];
  if (task.randomizeFrom) {
    const redrawn = randomizedWeights(weights, net.plan, task.randomizeFrom, 1);
    const own = new Set(Object.values(weights));
    made = Object.values(redrawn).filter((t) => !own.has(t));
    used = createGoogLeNet(redrawn, net.plan);
  }
  const input = photoInput(used, task.photo);
  try {
    const maps: Heatmap[] = [];
    for (const c of task.classIndices) {
      maps.push(task.method === 'gradcam' ? gradCam(used, input, c, task.tap) : saliency(used, input, c, task.saliency));
      await yieldToPage();
      if (control.stopped()) throw new JobStopped();
    }
    return maps;
  } finally {
    input.dispose();
    if (used !== net) used.dispose();
    tf.dispose(made);
  }
}
