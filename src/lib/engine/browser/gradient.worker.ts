/**
 * The gradient worker: runs feature visualization, DeepDream and attribution with tfjs off the
 * page's thread, on the backend the page asks for (gradient-backend.ts), with weights it fetches
 * itself (from Cache Storage when the page has them already). One job at a time; a job stops
 * between steps when asked. The network stays loaded between jobs; everything else a job makes
 * is disposed, so tf.memory() is flat across jobs (the `memory` message reports it).
 */
import * as tf from '@tensorflow/tfjs';
import { bytes } from '../../core/format';
import { createGoogLeNet, type GoogLeNet } from '../googlenet';
import { takeTensors, type WeightValue } from '../load-weights';
import { startBackend } from './gradient-backend';
import { buffersOf, type FromWorker, type GradientEngine, type JobResult, type ToWorker } from './gradient-protocol';
import { JobStopped, runAttribute, runDream, runFeatureVis, type JobControl } from './gradient-tasks';
import { fetchWeights, NoWeightsError } from './weights-fetch';
import type { RgbaImage } from '../gradients/image';
import type { Heatmap } from '../gradients/attribution';

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(message, transfer);
const stage = (what: string | null) => post({ type: 'stage', stage: what });

interface Loaded {
  readonly key: string;
  readonly net: GoogLeNet;
  readonly weights: tf.NamedTensorMap;
  /** Jobs run on it so far (the first on a GPU backend compiles its shaders). */
  runs: number;
}
let loaded: Loaded | null = null;
const stops = new Set<number>();
let queue: Promise<void> = Promise.resolve();

function unload(): void {
  if (!loaded) return;
  try {
    loaded.net.dispose();
    tf.dispose(loaded.weights);
  } catch {
    // The backend that held them may be gone (a lost GPU device); its memory went with it.
  }
  loaded = null;
}

async function load(engine: GradientEngine): Promise<Loaded> {
  const key = `${engine.backend}|${engine.precision}|${engine.base}`;
  if (loaded?.key === key) return loaded;
  unload();
  stage(`starting ${engine.backend} in the worker`);
  const started = await startBackend(engine.backend);
  post({ type: 'engine', engine: { backend: started.backend, asked: engine.backend, reason: started.reason } });
  stage(`loading the ${engine.precision} weights`);
  const fetched = await fetchWeights(engine.base, engine.precision, (p) =>
    stage(`loading the ${engine.precision} weights: ${bytes(p.loaded)} of ${bytes(p.total)}`)
  );
  // The values leave the fetched map as their tensors are made: one copy of the weights, not two.
  const weights = takeTensors(fetched.weights.values as Map<string, WeightValue>);
  try {
    loaded = { key, net: createGoogLeNet(weights), weights, runs: 0 };
  } catch (e) {
    tf.dispose(weights);
    throw e;
  }
  return loaded;
}

async function run(message: Extract<ToWorker, { type: 'job' }>): Promise<void> {
  const { id, task } = message;
  const control: JobControl = {
    stopped: () => stops.has(id),
    progress: (progress) => {
      if (firstStep) {
        firstStep = false;
        stage(null);
      }
      const images = progress.kind === 'featureVis' ? (progress.images ?? []) : [progress.image];
      post({ type: 'progress', id, progress }, buffersOf(images));
    }
  };
  let firstStep = true;
  try {
    if (control.stopped()) throw new JobStopped();
    const { net, weights, runs } = await load(message.engine);
    const backend = tf.getBackend();
    stage(runs === 0 && (backend === 'webgl' || backend === 'webgpu') ? `first run on ${backend}: compiling its shaders` : null);
    loaded!.runs++;
    let result: JobResult;
    if (task.kind === 'featureVis') result = await runFeatureVis(net, task.objective, task.settings, control);
    else if (task.kind === 'dream') result = await runDream(net, task.photo, task.settings, control);
    else result = await runAttribute(net, weights, task, control);
    stage(null);
    const images = Array.isArray(result) ? (result as (RgbaImage | Heatmap)[]) : [result];
    const transfer = images.map((r) => ('data' in r ? r.data.buffer : r.values.buffer) as ArrayBuffer);
    post({ type: 'done', id, result }, [...new Set(transfer)]);
  } catch (e) {
    stage(null);
    const error = e as Error;
    if (e instanceof NoWeightsError)
      post({ type: 'error', id, noWeights: true, message: `${error.message}: convert them with npm run weights` });
    else post({ type: 'error', id, stopped: e instanceof JobStopped, message: error.message || String(e) });
  } finally {
    stops.delete(id);
  }
}

// A failure outside any job's try (a rejected promise nobody awaits) would otherwise leave the
// page waiting: say so, and the client fails every outstanding job.
self.addEventListener('unhandledrejection', (event) => {
  const reason = (event as PromiseRejectionEvent).reason as unknown;
  post({ type: 'fatal', message: reason instanceof Error ? reason.message : String(reason) });
});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'stop') stops.add(message.id);
  else if (message.type === 'memory') {
    const m = tf.memory();
    post({ type: 'memory', id: message.id, numTensors: m.numTensors, numBytes: m.numBytes });
  } else queue = queue.then(() => run(message));
};
