/**
 * The network as the live page runs it: one backend at a time (switchable), the weights kept as
 * plain arrays as well so the network can be rebuilt on another backend, and every run guarded:
 * a failure at run time (a lost GPU device, out of memory) moves to the next backend that works,
 * tells the page, and runs again. Runs are serialised; long batches yield a frame between chunks
 * so that the page keeps responding. Every tensor a run makes is disposed before it returns.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_ORDER, selectBackend, type BackendName } from '../backend';
import { topK, type Prediction } from '../classify';
import { CROP_SIDE, cropBoxes, type CropCount } from '../crops';
import { createGoogLeNet, type GoogLeNet } from '../googlenet';
import type { ImportedWeights } from '../import-blobs';
import type { Precision } from '../manifest';
import { cutCrops, toNetworkInput, toRgb } from '../preprocess';
import type { BackendStatus } from './backend-probe';
import { BACKEND_LABELS } from './backend-probe';
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

export interface TapData {
  readonly layer: string;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** [h, w, c], row-major. */
  readonly data: Float32Array;
}

export interface SingleRun {
  readonly probs: Float32Array;
  readonly top5: Prediction[];
  /** Top 5 of each auxiliary head that is loaded. */
  readonly aux: Record<string, Prediction[]>;
  readonly tap: TapData | null;
  readonly ms: number;
  readonly backend: BackendName;
  /** The first run on this backend (includes compiling its shaders or kernels). */
  readonly first: boolean;
}

export interface CropRun {
  readonly count: CropCount;
  readonly top5: Prediction[];
  readonly ms: number;
  readonly backend: BackendName;
}

export interface EngineEvents {
  /** A backend failed (at start: `next` null; or while running: `next` is the one in use now). */
  readonly onFallback?: (failed: BackendName, reason: string, next: BackendName | null) => void;
  /** A GPU backend lost its device between runs; the page should run again to recover. */
  readonly onLost?: (name: BackendName, reason: string) => void;
}

/**
 * Crops per forward pass. One, on every backend: the shapes are then those of the single-crop
 * pass, so WebGL and WebGPU compile no new shaders for the batch (their compiling blocks the page
 * for seconds: a batch of 8 froze a software WebGL for 3.5 s), and WASM and CPU, which run on
 * the page's thread, give a frame back after every image.
 */
const CHUNK: Record<BackendName, number> = { webgpu: 1, webgl: 1, wasm: 1, cpu: 1 };

/** Not the backend's fault: never a reason to fall back. */
export class RunRefused extends Error {}

export class LiveEngine {
  backend: BackendName | null = null;
  /** Backends that failed here, with why. */
  readonly failed = new Map<BackendName, string>();
  labels: readonly string[] | null = null;
  info: WeightsInfo | null = null;
  private readonly available: Set<BackendName>;
  private weights: Map<string, CpuWeight> | null = null;
  private tensors: tf.NamedTensorMap = {};
  private net: GoogLeNet | null = null;
  private warmed = new Set<BackendName>();
  private queue: Promise<unknown> = Promise.resolve();
  private injected: string | null = null;
  private lost: string | null = null;

  constructor(
    statuses: readonly BackendStatus[],
    private readonly events: EngineEvents = {}
  ) {
    this.available = new Set(statuses.filter((s) => s.available).map((s) => s.name));
  }

  get ready(): boolean {
    return this.net !== null;
  }

  /** Tap names the loaded network offers (auxiliary heads only when their weights are loaded). */
  get taps(): ReadonlyMap<string, readonly [number, number, number]> {
    return this.net?.tapShapes ?? new Map();
  }

  /** Runs `fn` after every run queued before it. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(
      () => fn(),
      () => fn()
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Starts `preferred` (or the best that works) and rebuilds the network there. */
  useBackend(preferred: BackendName | null): Promise<BackendName> {
    return this.exclusive(() => this.switchTo(preferred));
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
        await selectBackend(name, { strict: true, wasmPaths: WASM_PATHS });
        this.backend = name;
        this.lost = null;
        this.watchDevice(name);
        this.build();
        return name;
      } catch (e) {
        const reason = `could not start: ${(e as Error).message}`;
        this.failed.set(name, reason);
        this.backend = null;
        this.events.onFallback?.(name, reason, null);
      }
    }
    throw new Error('no backend could start in this browser');
  }

  /** Hears a GPU backend's device loss, so the next run falls back instead of failing. */
  private watchDevice(name: BackendName): void {
    const backend = tf.backend() as unknown as {
      device?: { lost?: Promise<{ message?: string }> };
      gpgpu?: { gl?: { canvas?: EventTarget } };
    };
    const lost = (reason: string) => {
      if (this.backend !== name) return;
      this.lost = reason;
      this.events.onLost?.(name, reason);
    };
    if (name === 'webgpu') void backend.device?.lost?.then((info) => lost(`the WebGPU device was lost (${info.message || 'no reason given'})`));
    if (name === 'webgl')
      backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () => lost('the WebGL context was lost'), { once: true });
  }

  private disposeNet(): void {
    try {
      tf.dispose(this.tensors);
    } catch {
      // The old backend may be gone (device lost); its memory goes with it.
    }
    this.tensors = {};
    this.net = null;
  }

  private build(): void {
    if (!this.weights) return;
    const tensors: tf.NamedTensorMap = {};
    for (const [name, w] of this.weights) tensors[name] = tf.tensor(w.data, [...w.shape], 'float32');
    this.tensors = tensors;
    this.net = createGoogLeNet(tensors);
    this.warmed.delete(this.backend as BackendName);
  }

  /** Downloads (or reads from Cache Storage) one precision of the site's weights. */
  loadSite(base: string, precision: Precision, onProgress?: (p: FetchProgress) => void): Promise<WeightsInfo> {
    return this.exclusive(async () => {
      if (!this.backend) await this.switchTo(null);
      const fetched = await fetchWeights(base, precision, onProgress);
      const weights = new Map<string, CpuWeight>();
      for (const [name, t] of Object.entries(fetched.weights.tensors))
        weights.set(name, { shape: t.shape, data: (await t.data()) as Float32Array });
      tf.dispose(fetched.weights.tensors);
      this.install(weights);
      this.info = { precision, source: fetched.weights.source, auxHeads: fetched.weights.auxHeads, cached: fetched.cached };
      return this.info;
    });
  }

  /** Weights imported from a caffemodel in this browser. */
  loadImported(imported: ImportedWeights & { source: string }): Promise<WeightsInfo> {
    return this.exclusive(async () => {
      if (!this.backend) await this.switchTo(null);
      this.install(new Map(imported.weights.map((w) => [w.name, { shape: w.shape, data: w.data }])));
      this.info = { precision: 'imported', source: imported.source, auxHeads: imported.auxHeads, cached: false };
      return this.info;
    });
  }

  private install(weights: Map<string, CpuWeight>): void {
    const previous = this.weights;
    this.disposeNet();
    this.weights = weights;
    try {
      this.build();
    } catch (e) {
      this.weights = previous;
      this.build();
      throw e;
    }
  }

  /** Makes the next run fail as a lost device would (for tests of the fallback). */
  injectFailure(message: string): void {
    this.injected = message;
  }

  /** Runs `fn` on the current backend; on a failure, moves to the next backend and runs it again. */
  private async guarded<T>(fn: (net: GoogLeNet, backend: BackendName) => Promise<T>): Promise<T> {
    for (;;) {
      const backend = this.backend;
      if (!this.net || !backend) throw new Error('the network is not loaded');
      try {
        if (this.lost) throw new Error(this.lost);
        if (this.injected) {
          const message = this.injected;
          this.injected = null;
          throw new Error(message);
        }
        return await fn(this.net, backend);
      } catch (e) {
        if (e instanceof RunRefused) throw e;
        const reason = `failed while running: ${(e as Error).message}`;
        this.failed.set(backend, reason);
        // The next backend down the order (WebGPU -> WebGL -> WASM -> CPU), else the best left.
        const left = this.usable();
        const below = left.find((b) => BACKEND_ORDER.indexOf(b) > BACKEND_ORDER.indexOf(backend)) ?? null;
        let next: BackendName | null = null;
        try {
          next = await this.switchTo(below);
        } finally {
          this.events.onFallback?.(backend, reason, next);
        }
      }
    }
  }

  /** One centre crop: the class probabilities, the auxiliary heads, and one feature map. */
  classify(image: ImageData, layer: string | null): Promise<SingleRun> {
    return this.exclusive(() =>
      this.guarded(async (net, backend) => {
        const first = !this.warmed.has(backend);
        const start = performance.now();
        const want = layer && net.tapShapes.has(layer) ? [layer] : [];
        const out = this.forwardOne(net, image, want, true);
        try {
          const probs = (await out.probs.data()) as Float32Array;
          const aux: Record<string, Prediction[]> = {};
          for (const [head, t] of Object.entries(out.aux)) aux[head] = topK(await t.data(), this.labelList());
          const tap = want[0] ? await this.tapData(want[0], out.taps[want[0]] as tf.Tensor4D) : null;
          const ms = performance.now() - start;
          this.warmed.add(backend);
          return { probs, top5: topK(probs, this.labelList()), aux, tap, ms, backend, first };
        } finally {
          tf.dispose([out.probs, ...Object.values(out.aux), ...Object.values(out.taps)]);
        }
      })
    );
  }

  /** One feature map of the centre crop. */
  tap(image: ImageData, layer: string): Promise<TapData> {
    return this.exclusive(() =>
      this.guarded(async (net) => {
        if (!net.tapShapes.has(layer)) throw new RunRefused(`no layer ${layer} in the loaded network`);
        const out = this.forwardOne(net, image, [layer], false);
        try {
          return await this.tapData(layer, out.taps[layer] as tf.Tensor4D);
        } finally {
          tf.dispose([out.probs, ...Object.values(out.taps)]);
        }
      })
    );
  }

  private forwardOne(net: GoogLeNet, image: ImageData, taps: string[], aux: boolean) {
    return tf.tidy(() => {
      const pixels = tf.browser.fromPixels(image, 4);
      const rgb = toRgb(pixels);
      const boxes = cropBoxes(image.width, image.height, 1);
      const resized = new Map<number, tf.Tensor3D>();
      const crops = cutCrops(rgb, boxes, CROP_SIDE, resized);
      tf.dispose([...resized.values()]);
      const out = net.forward(toNetworkInput(crops, net.plan.network.meanBgr), { taps, aux });
      return { probs: out.probs, taps: out.taps, aux: out.aux };
    });
  }

  private async tapData(layer: string, t: tf.Tensor4D): Promise<TapData> {
    const [, height, width, channels] = t.shape;
    return { layer, height, width, channels, data: (await t.data()) as Float32Array };
  }

  private labelList(): readonly string[] {
    return this.labels ?? [];
  }

  /**
   * The paper's test-time crops (1, 10 or 144), averaged. Each chunk is a run of its own (so a
   * feature map asked for meanwhile does not wait for the whole batch, and a failure falls back
   * for that chunk only), with a frame between chunks. Returns null when `cancelled()` turns true.
   */
  async classifyCrops(
    image: ImageData,
    count: CropCount,
    onProgress: (done: number, total: number) => void,
    cancelled: () => boolean
  ): Promise<CropRun | null> {
    const start = performance.now();
    const boxes = cropBoxes(image.width, image.height, count);
    const sum = new Float32Array(1000);
    let at = 0;
    let used: BackendName | null = null;
    onProgress(0, boxes.length);
    while (at < boxes.length) {
      await tf.nextFrame();
      if (cancelled()) return null;
      at += await this.exclusive(() =>
        this.guarded(async (net, backend) => {
          const part = boxes.slice(at, at + CHUNK[backend]);
          const summed = tf.tidy(() => {
            const rgb = toRgb(tf.browser.fromPixels(image, 4));
            const resized = new Map<number, tf.Tensor3D>();
            const crops = cutCrops(rgb, part, CROP_SIDE, resized);
            tf.dispose([...resized.values()]);
            return tf.sum(net.forward(toNetworkInput(crops, net.plan.network.meanBgr), { aux: false }).probs, 0);
          });
          const values = await summed.data();
          summed.dispose();
          for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (values[i] as number);
          used = backend;
          return part.length;
        })
      );
      onProgress(at, boxes.length);
    }
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) / boxes.length;
    return { count, top5: topK(sum, this.labelList()), ms: performance.now() - start, backend: used ?? (this.backend as BackendName) };
  }

  /** conv1's 64 filters, [7, 7, 3 (BGR), 64], from the plain copy of the weights. */
  firstFilters(): CpuWeight | null {
    return this.weights?.get('conv1/7x7_s2/filter') ?? null;
  }

  memory(): tf.MemoryInfo {
    return tf.memory();
  }

  backendLabel(): string {
    return this.backend ? BACKEND_LABELS[this.backend] : 'none';
  }

  dispose(): void {
    this.disposeNet();
    this.weights = null;
  }
}
