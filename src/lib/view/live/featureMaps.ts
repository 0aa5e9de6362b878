/**
 * Feature maps as pictures: per-channel statistics of a tap ([h, w, c], row-major), a colour
 * scale shared by the whole layer or fitted to each channel, and the RGBA pixels of one channel.
 * DOM-free (the components put the pixels into canvases), so it is tested in Node.
 */
import { fixed, scientific, significant } from '../../core/format';
import { interpolateInferno, rgb } from 'd3';

export interface Tap {
  readonly layer: string;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float32Array;
}

export interface ChannelStats {
  readonly min: Float32Array;
  readonly max: Float32Array;
  readonly mean: Float32Array;
  /** Over the whole layer. */
  readonly layerMin: number;
  readonly layerMax: number;
  /**
   * The top of the shared colour scale: the layer's 99.9th percentile, so that a handful of
   * extreme values do not leave every other channel black (values above it are drawn at the top).
   */
  readonly layerHigh: number;
}

export const SHARED_PERCENTILE = 0.999;

/**
 * The k-th smallest value of `a`, which it reorders: Hoare's selection, linear on average. A
 * full sort of a 28x28x256 map took 40 ms of the page's thread on every run.
 */
function select(a: Float32Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const x = a[lo] as number, y = a[(lo + hi) >> 1] as number, z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i++] = a[j] as number;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // between j and i every value equals the pivot
  }
  return a[k] as number;
}

/** The `q` quantile of `data` (a copy is partly ordered; large arrays are sampled evenly first). */
export function quantile(data: Float32Array, q: number, limit = 250_000): number {
  if (data.length === 0) return 0;
  const step = Math.max(1, Math.floor(data.length / limit));
  const sample = step === 1 ? Float32Array.from(data) : Float32Array.from({ length: Math.floor(data.length / step) }, (_, i) => data[i * step] as number);
  return select(sample, Math.min(sample.length - 1, Math.floor(q * (sample.length - 1))));
}

export function channelStats(t: Tap): ChannelStats {
  const { channels: c, data } = t;
  const min = new Float32Array(c).fill(Infinity);
  const max = new Float32Array(c).fill(-Infinity);
  const sum = new Float64Array(c);
  for (let i = 0; i < data.length; i++) {
    const ch = i % c;
    const v = data[i] as number;
    if (v < (min[ch] as number)) min[ch] = v;
    if (v > (max[ch] as number)) max[ch] = v;
    sum[ch] = (sum[ch] as number) + v;
  }
  const pixels = t.height * t.width;
  const mean = Float32Array.from(sum, (s) => s / pixels);
  let layerMin = Infinity;
  let layerMax = -Infinity;
  for (let ch = 0; ch < c; ch++) {
    layerMin = Math.min(layerMin, min[ch] as number);
    layerMax = Math.max(layerMax, max[ch] as number);
  }
  const high = quantile(data, SHARED_PERCENTILE);
  return { min, max, mean, layerMin, layerMax, layerHigh: high > layerMin ? high : layerMax };
}

export type ScaleMode = 'shared' | 'channel';

/** The value range that maps to the ends of the colour scale for one channel. */
export function rangeOf(stats: ChannelStats, channel: number, mode: ScaleMode): [number, number] {
  return mode === 'shared'
    ? [stats.layerMin, stats.layerHigh]
    : [stats.min[channel] as number, stats.max[channel] as number];
}

/** 256 RGBA entries of the colour map (inferno: dark for low, bright yellow for high). */
export const COLOUR_MAP: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const c = rgb(interpolateInferno(i / 255));
    lut.set([c.r, c.g, c.b, 255], i * 4);
  }
  return lut;
})();

/** CSS gradient of the colour map, for a legend. */
export const COLOUR_GRADIENT = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => interpolateInferno(t)).join(', ')})`;

/** RGBA pixels (width x height) of one channel on `range`; a flat range paints the low colour. */
export function channelPixels(t: Tap, channel: number, range: readonly [number, number], out?: Uint8ClampedArray): Uint8ClampedArray {
  const n = t.height * t.width;
  const pixels = out ?? new Uint8ClampedArray(n * 4);
  const [lo, hi] = range;
  const k = hi > lo ? 255 / (hi - lo) : 0;
  for (let p = 0; p < n; p++) {
    const v = t.data[p * t.channels + channel] as number;
    const i = Math.max(0, Math.min(255, Math.round((v - lo) * k))) * 4;
    pixels[p * 4] = COLOUR_MAP[i] as number;
    pixels[p * 4 + 1] = COLOUR_MAP[i + 1] as number;
    pixels[p * 4 + 2] = COLOUR_MAP[i + 2] as number;
    pixels[p * 4 + 3] = 255;
  }
  return pixels;
}

/** A short number for a range: 3 significant digits, no exponent below 1e6. */
export function shortValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1000 ? fixed(v, 0) : a >= 0.01 ? significant(v, 3) : scientific(v, 1);
}
