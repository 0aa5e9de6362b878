/**
 * The converted weights in tfjs's weights-manifest format: a `model.json` whose `weightsManifest`
 * lists every tensor (name, shape, dtype, float16 quantization for the half-size variant) and
 * binary shards of at most 4 MB, readable with tf.io.decodeWeights / tf.io.loadWeights.
 */
import { WeightsError, type ImportedWeights, type Weight } from './import-blobs';

export type Precision = 'float32' | 'float16';
export const PRECISIONS: readonly Precision[] = ['float32', 'float16'];
export const SHARD_BYTES = 4 * 1024 * 1024;

export interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'float16' };
}

export interface ManifestGroup {
  paths: string[];
  weights: ManifestEntry[];
}

export interface ModelJson {
  format: 'googlenet-weights';
  precision: Precision;
  /** Where the weights came from, for the page to show. */
  source: string;
  auxHeads: string[];
  weightsManifest: ManifestGroup[];
}

export interface EncodedModel {
  readonly modelJson: ModelJson;
  readonly shards: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half from float, rounding to nearest even; overflow goes to infinity. */
export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    // Subnormal half: shift the mantissa (with its implicit 1) into place, rounding to even.
    const m = mant | 0x800000;
    const shift = 14 - e;
    const half = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  const half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent.
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

function bytesOf(w: Weight, precision: Precision): Uint8Array {
  if (precision === 'float32') return new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength);
  const half = new Uint16Array(w.data.length);
  for (let i = 0; i < half.length; i++) {
    half[i] = toFloat16Bits(w.data[i] as number);
    if (((half[i] as number) & 0x7c00) === 0x7c00)
      throw new WeightsError(`weight ${w.name} holds ${w.data[i]} at index ${i}: beyond what float16 can hold (65504)`);
  }
  return new Uint8Array(half.buffer);
}

/** One group of all weights, concatenated in order and cut into shards (a tensor may span two). */
export function encodeModel(imported: ImportedWeights, precision: Precision, source: string): EncodedModel {
  const parts = imported.weights.map((w) => bytesOf(w, precision));
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  const count = Math.ceil(total / SHARD_BYTES);
  const shards = Array.from({ length: count }, (_, i) => ({
    path: `group1-shard${i + 1}of${count}.bin`,
    bytes: all.subarray(i * SHARD_BYTES, Math.min(total, (i + 1) * SHARD_BYTES))
  }));
  const weights = imported.weights.map(
    (w): ManifestEntry => ({
      name: w.name,
      shape: [...w.shape],
      dtype: 'float32',
      ...(precision === 'float16' ? { quantization: { dtype: 'float16' as const } } : {})
    })
  );
  return {
    modelJson: {
      format: 'googlenet-weights',
      precision,
      source,
      auxHeads: [...imported.auxHeads],
      weightsManifest: [{ paths: shards.map((s) => s.path), weights }]
    },
    shards
  };
}

/** Bytes a manifest entry takes in its shards. */
export function entryBytes(e: ManifestEntry): number {
  return e.shape.reduce((a, b) => a * b, 1) * (e.quantization ? 2 : 4);
}
