/**
 * The network as the live page runs it: one centre crop with its auxiliary heads and a feature
 * map, a feature map alone, or the test-time crop batch. Backend fallback and the weights come
 * from `FallbackNetwork`. Long batches yield a frame between chunks so that the page keeps
 * responding. Every tensor a run makes is disposed before it returns.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../backend';
import { topK, type Prediction } from '../classify';
import { CROP_SIDE, cropBoxes, type CropCount } from '../crops';
import type { ForwardOptions, ForwardResult, GoogLeNet } from '../googlenet';
import type { SimdGoogLeNet } from '../../simd/googlenet-simd';
import { cutCrops, isOpaque, toNetworkInput, toRgb } from '../preprocess';
import { FallbackNetwork, RunRefused } from './backend-fallback';

export { RunRefused, type EngineEvents, type EngineStage, type WeightsInfo } from './backend-fallback';

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
  /** What runs the network on WASM: the own SIMD kernels and their threads, or tfjs (null on the other backends). */
  readonly engine: string | null;
  /** The first run on this backend (includes compiling its shaders or kernels). */
  readonly first: boolean;
}

export interface CropRun {
  readonly count: CropCount;
  readonly top5: Prediction[];
  /** Each crop's own most probable class, in the order of `cropBoxes`. */
  readonly tops: readonly Prediction[];
  readonly ms: number;
  readonly backend: BackendName;
}

/**
 * Crops per forward pass. One, on every backend: the shapes are then those of the single-crop
 * pass, so WebGL and WebGPU compile no new shaders for the batch (their compiling blocks the page
 * for seconds: a batch of 8 froze a software WebGL for 3.5 s), and WASM and CPU, which run on
 * the page's thread, give a frame back after every image.
 */
const CHUNK: Record<BackendName, number> = { webgpu: 1, webgl: 1, wasm: 1, cpu: 1 };

/**
 * The image as a tensor: RGB when it is opaque (almost always), else RGBA for toRgb to composite.
 * Slicing the alpha off in tfjs took 14 ms a run on WASM; checking the bytes takes under one.
 */
const pixelsOf = (image: ImageData): tf.Tensor3D => tf.browser.fromPixels(image, isOpaque(image.data) ? 3 : 4);

/** One pass: off the page's thread where the network can (the kernels' helpers), else as tfjs runs it. */
function pass(net: GoogLeNet, input: tf.Tensor4D, options: ForwardOptions): Promise<ForwardResult> | ForwardResult {
  const offThread = (net as Partial<SimdGoogLeNet>).forwardAsync;
  return offThread ? offThread(input, options) : net.forward(input, options);
}

/**
 * Marks a part of a run on the page's timeline (`inception:preprocess`, `inception:pass`,
 * `inception:readback`; DevTools and scripts/bench-live.mjs read them). Returns now.
 */
function measure(part: string, start: number): number {
  const end = performance.now();
  performance.measure(`inception:${part}`, { start, end });
  return end;
}

export class LiveEngine extends FallbackNetwork {
  labels: readonly string[] | null = null;

  /** Tap names the loaded network offers (auxiliary heads only when their weights are loaded). */
  get taps(): ReadonlyMap<string, readonly [number, number, number]> {
    return this.net?.tapShapes ?? new Map();
  }

  /** One centre crop: the class probabilities, the auxiliary heads, and one feature map. */
  classify(image: ImageData, layer: string | null): Promise<SingleRun> {
    return this.exclusive(() =>
      this.guarded(async (net, backend) => {
        const first = !this.warmed.has(backend);
        const start = performance.now();
        const want = layer && net.tapShapes.has(layer) ? [layer] : [];
        const out = await this.forwardOne(net, image, want, true);
        try {
          const readStart = performance.now();
          const probs = (await out.probs.data()) as Float32Array;
          const aux: Record<string, Prediction[]> = {};
          for (const [head, t] of Object.entries(out.aux)) aux[head] = topK(await t.data(), this.labelList());
          const tap = want[0] ? await this.tapData(want[0], out.taps[want[0]] as tf.Tensor4D) : null;
          measure('readback', readStart);
          const ms = performance.now() - start;
          return { probs, top5: topK(probs, this.labelList()), aux, tap, ms, backend, engine: this.engineLabel(), first };
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
        if (!net.tapShapes.has(layer)) throw RunRefused.of('engine.run.noLayer', { layer });
        const out = await this.forwardOne(net, image, [layer], false);
        try {
          return await this.tapData(layer, out.taps[layer] as tf.Tensor4D);
        } finally {
          tf.dispose([out.probs, ...Object.values(out.taps)]);
        }
      })
    );
  }

  /**
   * Many feature maps of the centre crop from one forward pass (the architecture page's
   * thumbnails: every node's map at once). Names the loaded network lacks are left out.
   */
  tapMany(image: ImageData, layers: readonly string[]): Promise<Map<string, TapData>> {
    return this.exclusive(() =>
      this.guarded(async (net) => {
        const want = [...new Set(layers)].filter((l) => net.tapShapes.has(l));
        const out = await this.forwardOne(net, image, want, false);
        try {
          const maps = new Map<string, TapData>();
          for (const layer of want) maps.set(layer, await this.tapData(layer, out.taps[layer] as tf.Tensor4D));
          return maps;
        } finally {
          tf.dispose([out.probs, ...Object.values(out.aux), ...Object.values(out.taps)]);
        }
      })
    );
  }

  private async forwardOne(net: GoogLeNet, image: ImageData, taps: string[], aux: boolean): Promise<ForwardResult> {
    const start = performance.now();
    const input = tf.tidy(() => {
      const rgb = toRgb(pixelsOf(image));
      const boxes = cropBoxes(image.width, image.height, 1);
      const resized = new Map<number, tf.Tensor3D>();
      const crops = cutCrops(rgb, boxes, CROP_SIDE, resized);
      tf.dispose([...resized.values()]);
      return toNetworkInput(crops, net.plan.network.meanBgr);
    });
    const passStart = measure('preprocess', start);
    try {
      const out = await pass(net, input, { taps, aux });
      measure('pass', passStart);
      return out;
    } finally {
      input.dispose();
    }
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
    onProgress: (done: number, total: number, tops: readonly Prediction[]) => void,
    cancelled: () => boolean
  ): Promise<CropRun | null> {
    const start = performance.now();
    const boxes = cropBoxes(image.width, image.height, count);
    const sum = new Float32Array(1000);
    const tops: Prediction[] = [];
    let at = 0;
    let used: BackendName | null = null;
    // The image in RGB and its filtered, padded copy are made once for the whole batch (on the
    // backend of the first chunk; a fallback meanwhile starts them again on the next one).
    let source: { backend: BackendName; rgb: tf.Tensor3D; resized: Map<number, tf.Tensor3D> } | null = null;
    const dropSource = () => {
      try {
        if (source) tf.dispose([source.rgb, ...source.resized.values()]);
      } catch {
        // The backend that held them may be gone (device lost); its memory went with it.
      }
      source = null;
    };
    onProgress(0, boxes.length, tops);
    try {
      while (at < boxes.length) {
        await tf.nextFrame();
        if (cancelled()) return null;
        at += await this.exclusive(() =>
          this.guarded(async (net, backend) => {
            const part = boxes.slice(at, at + CHUNK[backend]);
            if (source?.backend !== backend) {
              dropSource();
              source = { backend, rgb: tf.tidy(() => toRgb(pixelsOf(image))), resized: new Map() };
            }
            const { rgb, resized } = source;
            const input = tf.tidy(() => toNetworkInput(cutCrops(rgb, part, CROP_SIDE, resized), net.plan.network.meanBgr));
            let out: ForwardResult;
            try {
              out = await pass(net, input, { aux: false });
            } finally {
              input.dispose();
            }
            // Each crop's probabilities (a chunk is a few crops of 1000 values): summed, and its top 1 kept.
            let values: Float32Array;
            try {
              values = (await out.probs.data()) as Float32Array;
            } finally {
              tf.dispose([out.probs, ...Object.values(out.taps), ...Object.values(out.aux)]);
            }
            for (let c = 0; c < part.length; c++) {
              const row = values.subarray(c * sum.length, (c + 1) * sum.length);
              for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (row[i] as number);
              tops.push(topK(row, this.labelList(), 1)[0] as Prediction);
            }
            used = backend;
            return part.length;
          })
        );
        onProgress(at, boxes.length, tops);
      }
    } finally {
      dropSource();
    }
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) / boxes.length;
    return { count, top5: topK(sum, this.labelList()), tops, ms: performance.now() - start, backend: used ?? (this.backend as BackendName) };
  }
}
