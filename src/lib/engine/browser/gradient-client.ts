/**
 * The page's side of the gradient worker (gradient.worker.ts): one worker per visit, started on
 * the first job, shared by every widget that asks for gradients. Jobs run one after another in
 * the worker; the page's thread only posts messages and receives pictures (their bytes are
 * transferred, not copied).
 *
 * stop(): the job ends at its next step and its `result` REJECTS with a `GradientStopped` error
 * (name 'AbortError'); the last picture it showed is the one the last onProgress call carried.
 *
 * The backend and weights each job runs on come from `setGradientEngine` (the view layer passes
 * the reader's engine choice); until it is called, tfjs-wasm with the float32 weights.
 */
import type { Heatmap, SaliencySettings } from '../gradients/attribution';
import type { DreamSettings } from '../gradients/dream';
import type { FeatureVisSettings } from '../gradients/feature-vis';
import type { RgbaImage } from '../gradients/image';
import type { Objective } from '../gradients/objective';
import { EngineError } from '../message';
import { buffersOf, type EngineInUse, type FromWorker, type GradientEngine, type GradientTask, type JobResult, type Progress, type ToWorker } from './gradient-protocol';

export type { EngineInUse, GradientEngine } from './gradient-protocol';

export interface GradientJob<T> {
  readonly result: Promise<T>;
  /** Ends the job at its next step: `result` rejects with a GradientStopped (AbortError). */
  stop(): void;
}

export interface FeatureVisProgress {
  readonly step: number;
  readonly steps: number;
  readonly value: number;
  /** The latest pictures (the worker sends new ones a few times a second, not every step). */
  readonly images: RgbaImage[];
}
export interface DreamProgress {
  readonly done: number;
  readonly total: number;
  readonly octave: number;
  readonly image: RgbaImage;
}

export interface GradientClient {
  featureVis(o: Objective, s: FeatureVisSettings, onProgress: (p: FeatureVisProgress) => void): GradientJob<RgbaImage[]>;
  dream(photo: RgbaImage, s: DreamSettings, onProgress: (p: DreamProgress) => void): GradientJob<RgbaImage>;
  attribute(
    photo: RgbaImage,
    classIndices: readonly number[],
    opts: { method: 'gradcam' | 'saliency'; tap?: string; randomizeFrom?: string; saliency?: SaliencySettings }
  ): GradientJob<Heatmap[]>;
  /** What takes a while now ("loading the float32 weights: 12 MiB of 27 MiB", "compiling its shaders"), null when nothing. */
  onStage(listener: (stage: string | null) => void): () => void;
  /** The backend the worker runs on, and why when it is not the one asked for. */
  onEngine(listener: (engine: EngineInUse) => void): () => void;
  /** Jobs posted to the worker so far (a cache hit posts none). */
  readonly jobs: number;
  /** tf.memory() inside the worker (for tests: flat across jobs). */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  dispose(): void;
}

/** A job ended by stop(). */
export class GradientStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'AbortError';
  }
}

/** The site has no converted weights (the worker found no model.json). */
export class GradientNoWeights extends Error {}

type Resolver = () => GradientEngine | Promise<GradientEngine>;
const DEFAULT_ENGINE: GradientEngine = { backend: 'wasm', precision: 'float32', base: '/models/googlenet/' };
let resolveEngine: Resolver = () => DEFAULT_ENGINE;

/** Where the engine of each later job comes from (the reader's choice, resolved when a job starts). */
export function setGradientEngine(resolve: Resolver): void {
  resolveEngine = resolve;
}

interface Pending {
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
  progress: (p: Progress) => void;
}

/** What the client needs of a worker (a real Worker, or a fake in tests). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

export interface ClientOptions {
  /** Makes the worker (default: gradient.worker.ts as a module worker). */
  readonly spawn?: () => WorkerLike;
  /**
   * With a job or a memory question outstanding, the longest the worker may stay silent (no
   * progress, stage or answer) before it counts as dead: every outstanding job and question then
   * fails and the worker is ended. Default 5 minutes: a step sends progress, loading sends stages,
   * but a first shader compile or one saliency class on the plain CPU backend can take a minute.
   */
  readonly silenceMs?: number;
}

export const DEFAULT_SILENCE_MS = 300_000;

const spawnWorker = (): WorkerLike =>
  new Worker(new URL('./gradient.worker.ts', import.meta.url), { type: 'module', name: 'googlenet-gradients' }) as unknown as WorkerLike;

class WorkerClient implements GradientClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly memoryAsks = new Map<number, { resolve: (m: { numTensors: number; numBytes: number }) => void; reject: (e: Error) => void }>();
  private readonly stageListeners = new Set<(stage: string | null) => void>();
  private readonly engineListeners = new Set<(engine: EngineInUse) => void>();
  private readonly spawn: () => WorkerLike;
  private readonly silenceMs: number;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  jobs = 0;

  constructor(options: ClientOptions = {}) {
    this.spawn = options.spawn ?? spawnWorker;
    this.silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;
  }

  private start(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = (e) => {
      if (worker === this.worker) this.receive(e.data);
    };
    // The worker itself failed (it could not load, threw outside a job, or a message could not be
    // read): every outstanding job fails with it, and the next job starts a fresh worker.
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (worker === this.worker) this.fail(e.message ? EngineError.of('engine.grad.workerFailed', { reason: e.message }) : EngineError.of('engine.grad.workerFailedNoReason'));
    };
    worker.onmessageerror = () => {
      if (worker === this.worker) this.fail(EngineError.of('engine.grad.workerUnreadable'));
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the worker and rejects everything outstanding with `error`. */
  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const jobs = [...this.pending.values()];
    const asks = [...this.memoryAsks.values()];
    this.pending.clear();
    this.memoryAsks.clear();
    this.rearm();
    for (const p of jobs) p.reject(error);
    for (const a of asks) a.reject(error);
    for (const l of this.stageListeners) l(null);
  }

  /** Restarts the silence timer while anything is outstanding in the worker; stops it otherwise. */
  private rearm(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
    if (!this.worker || (this.pending.size === 0 && this.memoryAsks.size === 0)) return;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      this.fail(EngineError.of('engine.grad.workerSilent', { seconds: Math.round(this.silenceMs / 1000) }));
    }, this.silenceMs);
  }

  private receive(m: FromWorker): void {
    if (m.type === 'fatal') {
      this.fail(EngineError.of('engine.grad.workerFailed', { reason: m.message }));
      return;
    }
    if (m.type === 'stage') for (const l of this.stageListeners) l(m.stage);
    else if (m.type === 'engine') for (const l of this.engineListeners) l(m.engine);
    else if (m.type === 'memory') {
      this.memoryAsks.get(m.id)?.resolve(m);
      this.memoryAsks.delete(m.id);
    } else {
      const job = this.pending.get(m.id);
      if (job) {
        if (m.type === 'progress') job.progress(m.progress);
        else {
          this.pending.delete(m.id);
          if (m.type === 'done') job.resolve(m.result);
          else job.reject(m.stopped ? new GradientStopped() : m.noWeights ? new GradientNoWeights(m.message) : new Error(m.message));
        }
      }
    }
    this.rearm();
  }

  private post(task: GradientTask, progress: (p: Progress) => void, transfer: ArrayBuffer[] = []): GradientJob<JobResult> {
    const id = this.nextId++;
    let stopped = false;
    const result = new Promise<JobResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      void (async () => {
        try {
          const engine = await resolveEngine();
          if (stopped) throw new GradientStopped();
          if (!this.pending.has(id)) return; // failed with the worker while the engine was resolved
          this.jobs++;
          this.start().postMessage({ type: 'job', id, engine, task } satisfies ToWorker, transfer);
          this.rearm();
        } catch (e) {
          this.pending.delete(id);
          reject(e as Error);
        }
      })();
    });
    return {
      result,
      stop: () => {
        if (stopped || !this.pending.has(id)) return;
        stopped = true;
        this.worker?.postMessage({ type: 'stop', id } satisfies ToWorker);
      }
    };
  }

  featureVis(o: Objective, s: FeatureVisSettings, onProgress: (p: FeatureVisProgress) => void): GradientJob<RgbaImage[]> {
    let images: RgbaImage[] = [];
    const job = this.post({ kind: 'featureVis', objective: o, settings: s }, (p) => {
      if (p.kind !== 'featureVis') return;
      if (p.images) images = p.images;
      onProgress({ step: p.step, steps: p.steps, value: p.value, images });
    });
    return job as GradientJob<RgbaImage[]>;
  }

  dream(photo: RgbaImage, s: DreamSettings, onProgress: (p: DreamProgress) => void): GradientJob<RgbaImage> {
    let image = photo;
    const copy = { width: photo.width, height: photo.height, data: new Uint8ClampedArray(photo.data) };
    const job = this.post({ kind: 'dream', photo: copy, settings: s }, (p) => {
      if (p.kind !== 'dream') return;
      if (p.image) image = p.image;
      onProgress({ done: p.done, total: p.total, octave: p.octave, image });
    }, buffersOf([copy]));
    return job as GradientJob<RgbaImage>;
  }

  attribute(
    photo: RgbaImage,
    classIndices: readonly number[],
    opts: { method: 'gradcam' | 'saliency'; tap?: string; randomizeFrom?: string; saliency?: SaliencySettings }
  ): GradientJob<Heatmap[]> {
    const copy = { width: photo.width, height: photo.height, data: new Uint8ClampedArray(photo.data) };
    const task: GradientTask = { kind: 'attribute', photo: copy, classIndices: [...classIndices], ...opts };
    return this.post(task, () => {}, buffersOf([copy])) as GradientJob<Heatmap[]>;
  }

  onStage(listener: (stage: string | null) => void): () => void {
    this.stageListeners.add(listener);
    return () => this.stageListeners.delete(listener);
  }

  onEngine(listener: (engine: EngineInUse) => void): () => void {
    this.engineListeners.add(listener);
    return () => this.engineListeners.delete(listener);
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.memoryAsks.set(id, { resolve, reject });
      this.start().postMessage({ type: 'memory', id } satisfies ToWorker);
      this.rearm();
    });
  }

  dispose(): void {
    this.fail(new GradientStopped());
    if (shared === this) shared = null;
  }
}

let shared: WorkerClient | null = null;

/** A client of its own (tests pass a fake worker); pages use the shared `gradientClient()`. */
export function createGradientClient(options: ClientOptions = {}): GradientClient {
  return new WorkerClient(options);
}

/** The visit's gradient client (one worker, shared by every widget). */
export function gradientClient(): GradientClient {
  shared ??= new WorkerClient();
  return shared;
}
