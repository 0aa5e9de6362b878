/**
 * The network held on one backend at a time, ready to move: the weights are kept as plain arrays
 * as well, so the network can be rebuilt on another backend, and every run is guarded: a failure
 * at run time (a lost GPU device, out of memory) moves to the next backend that works, tells the
 * page, and runs again. Runs are serialised. What the runs compute is `LiveEngine`'s business;
 * this module only keeps them running somewhere. On WASM the network runs on the project's own
 * SIMD kernels (tfjs, on one thread, only prepares the input), or on tfjs's own WASM kernels
 * when ours cannot start here.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_ORDER, selectBackend, type BackendName } from '../backend';
import { createGoogLeNet, type GoogLeNet } from '../googlenet';
import type { ImportedWeights } from '../import-blobs';
import type { Precision } from '../manifest';
import { EngineError, engineMessage, messageOf, type EngineKey, type EngineMessage, type EngineParams } from '../message';
import type { BackendStatus } from './backend-probe';
import { BACKEND_LABELS } from './backend-probe';
import { engineLabel, engineLabelMessage } from './kernel-choice';
import { loadKernels, startKernelNetwork, type LoadedKernels } from './kernels-browser';
import { WASM_PATHS } from './wasm-paths';
import { fetchWeights, type FetchProgress } from './weights-fetch';

interface CpuWeight {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface WeightsInfo {
  readonly precision: Precision | 'imported';
  readonly source: string;
  readonly auxHeads: readonly string[];
  /** Every shard came from Cache Storage. */
  readonly cached: boolean;
}

export interface EngineEvents {
  /**
   * A backend failed (at start: `next` null; or while running: `next` is the one in use now).
   * `reason` is English; `message` the same with its catalogue key (errorText shows it in the reader's edition).
   */
  readonly onFallback?: (failed: BackendName, reason: string, next: BackendName | null, message: EngineMessage) => void;
  /** A GPU backend lost its device between runs; the page should run again to recover. */
  readonly onLost?: (name: BackendName, reason: string, message: EngineMessage) => void;
  /** The own WASM kernels could not start; WASM runs on tfjs's kernels instead. `message`: `reason` with its key, where it has one. */
  readonly onKernelsFailed?: (reason: string, message: EngineMessage | { readonly message: string }) => void;
  /** What the engine is doing that takes a while (compiling, packing the weights), or null once done. */
  readonly onStage?: (stage: EngineStage | null) => void;
}

export interface EngineStage {
  /** "packing the weights for the WASM kernels" */
  readonly what: string;
  /** `what` with its catalogue key, for the reader's edition. */
  readonly message: EngineMessage;
  /** performance.now() when it began. */
  readonly since: number;
}

/** Not the backend's fault: never a reason to fall back. */
export class RunRefused extends EngineError {}

/** Backend switching, fallback and the weights; the runs themselves are in `LiveEngine`. */
export class FallbackNetwork {
  backend: BackendName | null = null;
  /** Backends that failed here, with why. */
  readonly failed = new Map<BackendName, string>();
  /** The same reasons with their catalogue keys. */
  readonly failedMessages = new Map<BackendName, EngineMessage>();
  info: WeightsInfo | null = null;
  private readonly available: Set<BackendName>;
  private weights: Map<string, CpuWeight> | null = null;
  private tensors: tf.NamedTensorMap = {};
  protected net: GoogLeNet | null = null;
  protected warmed = new Set<BackendName>();
  private queue: Promise<unknown> = Promise.resolve();
  private injected: string | null = null;
  private lost: EngineMessage | null = null;
  /** The own kernels, once compiled for the WASM backend; why they cannot run here, once they failed. */
  private kernels: LoadedKernels | null = null;
  private kernelsFailed: string | null = null;
  /** Threads of the own kernels running the network now (null: tfjs runs it). */
  private kernelThreads: number | null = null;

  constructor(
    statuses: readonly BackendStatus[],
    private readonly events: EngineEvents = {}
  ) {
    this.available = new Set(statuses.filter((s) => s.available).map((s) => s.name));
  }

  get ready(): boolean {
    return this.net !== null;
  }

  /** Runs `fn` after every run queued before it. */
  protected exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(
      () => fn(),
      () => fn()
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Starts `preferred` (or the best that works) and rebuilds the network there; nothing to do when it runs already. */
  useBackend(preferred: BackendName | null): Promise<BackendName> {
    return this.exclusive(async () => {
      if (preferred !== null && preferred === this.backend && (this.net !== null || this.weights === null)) return preferred;
      return this.switchTo(preferred);
    });
  }

  /** Tells the page what takes a while now (null: nothing). */
  protected stage(key: EngineKey | null, params?: EngineParams): void {
    const message = key === null ? null : engineMessage(key, params);
    this.events.onStage?.(message === null ? null : { what: message.message, message, since: performance.now() });
  }

  /** Marks `name` as failed here and tells the page. */
  private fail(name: BackendName, message: EngineMessage, next: BackendName | null): void {
    this.failed.set(name, message.message);
    this.failedMessages.set(name, message);
    this.events.onFallback?.(name, message.message, next, message);
  }

  private usable(): BackendName[] {
    return BACKEND_ORDER.filter((b) => this.available.has(b) && !this.failed.has(b));
  }

  private async switchTo(preferred: BackendName | null): Promise<BackendName> {
    const order = this.usable();
    const tries = preferred && order.includes(preferred) ? [preferred, ...order.filter((b) => b !== preferred)] : order;
    for (const name of tries) {
      try {
        this.disposeNet();
        if (name === 'wasm') this.stage('engine.stage.compilingWasm');
        else this.stage('engine.stage.starting', { backend: BACKEND_LABELS[name] });
        const kernels = name === 'wasm' ? await this.ownKernels() : null;
        // tfjs's WASM threads are fixed when it first starts: one when it only prepares the input.
        await selectBackend(name, { strict: true, wasmPaths: WASM_PATHS, wasmThreads: kernels ? 1 : undefined });
        this.backend = name;
        this.lost = null;
        this.watchDevice(name);
        await this.build();
        this.stage(null);
        return name;
      } catch (e) {
        this.stage(null);
        this.backend = null;
        this.fail(name, engineMessage('engine.fallback.couldNotStart', { error: (e as Error).message }), null);
      }
    }
    throw EngineError.of('engine.fallback.noneStarted');
  }

  /** Hears a GPU backend's device loss, so the next run falls back instead of failing. */
  private watchDevice(name: BackendName): void {
    const backend = tf.backend() as unknown as {
      device?: { lost?: Promise<{ message?: string }> };
      gpgpu?: { gl?: { canvas?: EventTarget } };
    };
    const lost = (reason: EngineMessage) => {
      if (this.backend !== name) return;
      this.lost = reason;
      this.events.onLost?.(name, reason.message, reason);
    };
    if (name === 'webgpu')
      void backend.device?.lost?.then((info) =>
        lost(info.message ? engineMessage('engine.fallback.deviceLost', { reason: info.message }) : engineMessage('engine.fallback.deviceLostNoReason'))
      );
    if (name === 'webgl')
      backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () => lost(engineMessage('engine.fallback.contextLost')), { once: true });
  }

  /** The own kernels, compiled once; null (and the page told, once) when they cannot start here. */
  private async ownKernels(): Promise<LoadedKernels | null> {
    if (this.kernels || this.kernelsFailed) return this.kernels;
    try {
      this.kernels = await loadKernels();
    } catch (e) {
      this.kernelsFellBack(e as Error);
    }
    return this.kernels;
  }

  private kernelsFellBack(e: Error): void {
    this.kernels = null;
    this.kernelsFailed = e.message;
    this.events.onKernelsFailed?.(e.message, messageOf(e));
  }

  private disposeNet(): void {
    try {
      this.net?.dispose();
      tf.dispose(this.tensors);
    } catch {
      // The old backend may be gone (device lost); its memory goes with it.
    }
    this.tensors = {};
    this.net = null;
    this.kernelThreads = null;
  }

  private async build(): Promise<void> {
    const weights = this.weights;
    if (!weights) return;
    this.warmed.delete(this.backend as BackendName);
    if (this.backend === 'wasm' && this.kernels) {
      try {
        this.stage('engine.stage.packing');
        const net = await startKernelNetwork(this.kernels, (name) => weights.get(name)?.data);
        this.net = net;
        this.kernelThreads = net.threads;
        return;
      } catch (e) {
        // Weights the network cannot take fail on tfjs as well (and say so from there); only
        // when tfjs builds the network were the kernels at fault.
        this.buildOnTfjs(weights);
        this.kernelsFellBack(e as Error);
        return;
      }
    }
    this.buildOnTfjs(weights);
  }

  private buildOnTfjs(weights: Map<string, CpuWeight>): void {
    this.stage('engine.stage.moving', { backend: this.backendLabel() });
    const tensors: tf.NamedTensorMap = {};
    for (const [name, w] of weights) tensors[name] = tf.tensor(w.data, [...w.shape], 'float32');
    try {
      this.net = createGoogLeNet(tensors);
    } catch (e) {
      tf.dispose(tensors);
      throw e;
    }
    this.tensors = tensors;
  }

  /** Downloads (or reads from Cache Storage) one precision of the site's weights. */
  loadSite(base: string, precision: Precision, onProgress?: (p: FetchProgress) => void): Promise<WeightsInfo> {
    return this.exclusive(async () => {
      if (!this.backend) await this.switchTo(null);
      this.stage('engine.stage.fetching', { precision });
      // Plain arrays, decoded in slices: no tensor is made and read back on the way.
      const fetched = await fetchWeights(base, precision, onProgress);
      const weights = new Map<string, CpuWeight>(fetched.weights.values);
      try {
        await this.install(weights);
      } finally {
        this.stage(null);
      }
      this.info = { precision, source: fetched.weights.source, auxHeads: fetched.weights.auxHeads, cached: fetched.cached };
      return this.info;
    });
  }

  /** Weights imported from a caffemodel in this browser. */
  loadImported(imported: ImportedWeights & { source: string }): Promise<WeightsInfo> {
    return this.exclusive(async () => {
      if (!this.backend) await this.switchTo(null);
      try {
        await this.install(new Map(imported.weights.map((w) => [w.name, { shape: w.shape, data: w.data }])));
      } finally {
        this.stage(null);
      }
      this.info = { precision: 'imported', source: imported.source, auxHeads: imported.auxHeads, cached: false };
      return this.info;
    });
  }

  private async install(weights: Map<string, CpuWeight>): Promise<void> {
    const previous = this.weights;
    this.disposeNet();
    this.weights = weights;
    try {
      await this.build();
    } catch (e) {
      this.weights = previous;
      await this.build();
      throw e;
    }
  }

  /** Makes the next run fail as a lost device would (for tests of the fallback). */
  injectFailure(message: string): void {
    this.injected = message;
  }

  /** Runs `fn` on the current backend; on a failure, moves to the next backend and runs it again. */
  protected async guarded<T>(fn: (net: GoogLeNet, backend: BackendName) => Promise<T>): Promise<T> {
    for (;;) {
      const backend = this.backend;
      if (!this.net || !backend) throw EngineError.of('engine.fallback.notLoaded');
      try {
        if (this.lost) throw new EngineError(this.lost);
        if (this.injected) {
          const message = this.injected;
          this.injected = null;
          throw new Error(message);
        }
        const cold = !this.warmed.has(backend) && (backend === 'webgpu' || backend === 'webgl');
        if (cold) this.stage('engine.stage.compilingShaders', { backend: BACKEND_LABELS[backend] });
        try {
          const result = await fn(this.net, backend);
          this.warmed.add(backend);
          return result;
        } finally {
          if (cold) this.stage(null);
        }
      } catch (e) {
        if (e instanceof RunRefused) throw e;
        if (backend === 'wasm' && this.kernelThreads !== null) {
          // Our kernels failed, not the backend: tfjs's WASM kernels take over, and run it again.
          this.disposeNet();
          this.kernelsFellBack(EngineError.of('engine.kernels.failedRunning', { error: (e as Error).message }));
          await this.build();
          continue;
        }
        const reason = engineMessage('engine.fallback.failedRunning', { error: (e as Error).message });
        this.failed.set(backend, reason.message);
        this.failedMessages.set(backend, reason);
        // The next backend down the order (WebGPU -> WebGL -> WASM -> CPU), else the best left.
        const left = this.usable();
        const below = left.find((b) => BACKEND_ORDER.indexOf(b) > BACKEND_ORDER.indexOf(backend)) ?? null;
        let next: BackendName | null = null;
        try {
          next = await this.switchTo(below);
        } finally {
          this.events.onFallback?.(backend, reason.message, next, reason);
        }
      }
    }
  }

  /** conv1's 64 filters, [7, 7, 3 (BGR), 64], from the plain copy of the weights. */
  firstFilters(): CpuWeight | null {
    return this.weights?.get('conv1/7x7_s2/filter') ?? null;
  }

  /** One loaded weight by name (`inception_3a/3x3_reduce/filter`), from the plain copy of the weights. */
  weight(name: string): CpuWeight | null {
    return this.weights?.get(name) ?? null;
  }

  memory(): tf.MemoryInfo {
    return tf.memory();
  }

  backendLabel(): string {
    return this.backend ? BACKEND_LABELS[this.backend] : 'none';
  }

  /** What runs the network on WASM ("own SIMD kernels, 2 threads" or "tfjs"); null on the other backends. */
  engineLabel(): string | null {
    return this.net ? engineLabel(this.backend, this.kernelThreads) : null;
  }

  /** `engineLabel()` with its catalogue key, for the reader's edition. */
  engineLabelMessage(): ReturnType<typeof engineLabelMessage> {
    return this.net ? engineLabelMessage(this.backend, this.kernelThreads) : null;
  }

  dispose(): void {
    this.disposeNet();
    this.weights = null;
  }
}
