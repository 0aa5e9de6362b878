/**
 * The messages between the page (gradient-client.ts) and the gradient worker
 * (gradient.worker.ts). Images travel as RGBA bytes; their buffers are transferred, not copied.
 */
import type { BackendName } from '../backend';
import type { Precision } from '../manifest';
import type { Heatmap, SaliencySettings } from '../gradients/attribution';
import type { DreamSettings } from '../gradients/dream';
import type { FeatureVisSettings } from '../gradients/feature-vis';
import type { RgbaImage } from '../gradients/image';
import type { Objective } from '../gradients/objective';

/** Which tfjs backend and which weights the worker runs (the reader's engine choice). */
export interface GradientEngine {
  readonly backend: BackendName;
  readonly precision: Precision;
  /** The converted model's folder, e.g. `/models/googlenet/`. */
  readonly base: string;
}

export type GradientTask =
  | { readonly kind: 'featureVis'; readonly objective: Objective; readonly settings: FeatureVisSettings }
  | { readonly kind: 'dream'; readonly photo: RgbaImage; readonly settings: DreamSettings }
  | {
      readonly kind: 'attribute';
      readonly photo: RgbaImage;
      readonly classIndices: readonly number[];
      readonly method: 'gradcam' | 'saliency';
      readonly tap?: string;
      readonly randomizeFrom?: string;
      /** How saliency maps are made (default gradient x input). */
      readonly saliency?: SaliencySettings;
    };

export type ToWorker =
  | { readonly type: 'job'; readonly id: number; readonly engine: GradientEngine; readonly task: GradientTask }
  | { readonly type: 'stop'; readonly id: number }
  /** Debug: answers with tf.memory() of the worker. */
  | { readonly type: 'memory'; readonly id: number };

export type Progress =
  | { readonly kind: 'featureVis'; readonly step: number; readonly steps: number; readonly value: number; readonly images: RgbaImage[] | null }
  | { readonly kind: 'dream'; readonly done: number; readonly total: number; readonly octave: number; readonly image: RgbaImage | null };

export type JobResult = RgbaImage[] | RgbaImage | Heatmap[];

/** The backend the worker runs on, and why it is not the one asked for when it is not. */
export interface EngineInUse {
  readonly backend: BackendName;
  readonly asked: BackendName;
  readonly reason: string | null;
}

export type FromWorker =
  | { readonly type: 'stage'; readonly stage: string | null }
  | { readonly type: 'engine'; readonly engine: EngineInUse }
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResult }
  /** `stopped`: the job ended because stop() asked it to. `noWeights`: the site has no converted weights. */
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly stopped?: boolean; readonly noWeights?: boolean }
  | { readonly type: 'memory'; readonly id: number; readonly numTensors: number; readonly numBytes: number }
  /** The worker failed outside any job (an unhandled rejection): every outstanding job fails. */
  | { readonly type: 'fatal'; readonly message: string };

/** The buffers of images, to transfer with a message. */
export function buffersOf(images: readonly (RgbaImage | null)[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const i of images) if (i) seen.add(i.data.buffer as ArrayBuffer);
  return [...seen];
}
