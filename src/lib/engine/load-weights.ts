/**
 * Loads converted weights (model.json + shards) into tensors, for the browser (fetch) and Node
 * (files) alike: the caller says how to read a shard. Everything is checked against the plan's
 * weight list before a tensor is made, so a truncated, foreign or damaged (NaN, infinity) file
 * fails with one line naming the weight.
 */
import * as tf from '@tensorflow/tfjs';
import { entryBytes, type ManifestEntry, type ModelJson } from './manifest';
import { halvesToFloats } from './half';
import { firstNonFinite, WeightsError } from './import-blobs';
import { MAIN_GROUP, shapeText, weightSpecs, type WeightSpec } from './weight-spec';

export interface LoadedWeights {
  readonly tensors: tf.NamedTensorMap;
  readonly precision: ModelJson['precision'];
  readonly auxHeads: readonly string[];
  readonly source: string;
}

export type ReadShard = (path: string) => Promise<ArrayBuffer>;

/** Checks a parsed model.json; returns it typed or throws a one-line WeightsError. */
export function checkModelJson(json: unknown, where: string): ModelJson {
  const m = json as Partial<ModelJson> | null;
  const group = m?.weightsManifest?.[0];
  if (!m || m.format !== 'googlenet-weights' || !group || !Array.isArray(group.paths) || !Array.isArray(group.weights))
    throw WeightsError.of('engine.weights.notModelJson', { where });
  return m as ModelJson;
}

function checkEntries(model: ModelJson, where: string, specs: readonly WeightSpec[]): void {
  const entries = new Map(model.weightsManifest.flatMap((g) => g.weights).map((e) => [e.name, e]));
  const groups = new Set([MAIN_GROUP, ...model.auxHeads]);
  for (const spec of specs.filter((s) => groups.has(s.group))) {
    const e = entries.get(spec.name);
    if (!e) throw WeightsError.of('engine.weights.missing', { where, name: spec.name });
    if (shapeText(e.shape) !== shapeText(spec.shape))
      throw WeightsError.of('engine.weights.shape', { where, name: spec.name, shape: shapeText(e.shape), expected: shapeText(spec.shape) });
  }
  const known = new Set(specs.map((s) => s.name));
  const extra = [...entries.keys()].find((n) => !known.has(n));
  if (extra) throw WeightsError.of('engine.weights.unexpected', { where, name: extra });
}

function joined(buffers: readonly ArrayBuffer[]): Uint8Array {
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out;
}

/** Refuses a NaN or infinite value (float32, or float16 bits) of one entry, naming the weight. */
function checkFinite(all: Uint8Array, at: number, e: ManifestEntry, where: string): void {
  const n = entryBytes(e);
  const half = e.quantization?.dtype === 'float16';
  let bad = -1;
  if (half) {
    const values = new Uint16Array(all.buffer, at, n / 2);
    for (let i = 0; i < values.length; i++)
      if (((values[i] as number) & 0x7c00) === 0x7c00) {
        bad = i;
        break;
      }
  } else bad = firstNonFinite(new Float32Array(all.buffer, at, n / 4));
  if (bad >= 0)
    throw half
      ? WeightsError.of('engine.weights.damagedHalf', { where, name: e.name, index: bad })
      : WeightsError.of('engine.weights.damaged', { where, name: e.name, value: String(new Float32Array(all.buffer, at, n / 4)[bad]), index: bad });
}

/** Between weights, after this many ms of decoding, `pause` is awaited (a page draws meanwhile). */
const DECODE_SLICE_MS = 30;

export interface WeightValue {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface LoadedValues {
  /** Every weight as plain float32 values, by name. */
  readonly values: ReadonlyMap<string, WeightValue>;
  readonly precision: ModelJson['precision'];
  readonly auxHeads: readonly string[];
  readonly source: string;
}

/** One entry's values (float16 decoded exactly), copied out of the shards. */
function decodeEntry(all: Uint8Array, at: number, e: ManifestEntry): Float32Array {
  const n = entryBytes(e);
  if (e.quantization?.dtype === 'float16') return halvesToFloats(new Uint16Array(all.buffer, all.byteOffset + at, n / 2));
  return new Float32Array(all.buffer.slice(all.byteOffset + at, all.byteOffset + at + n));
}

/**
 * The weights as plain float32 arrays (no tensors: what the WASM kernels pack, and what a page
 * keeps to rebuild the network on another backend). Checked as `loadWeights` says.
 */
export async function loadWeightValues(
  model: ModelJson,
  readShard: ReadShard,
  where = 'model.json',
  specs: readonly WeightSpec[] = weightSpecs(),
  /** Awaited between weights every DECODE_SLICE_MS of work, so that a page is never frozen for the whole decoding. */
  pause?: () => Promise<void>
): Promise<LoadedValues> {
  checkEntries(model, where, specs);
  const values = new Map<string, WeightValue>();
  let since = performance.now();
  const breathe = async () => {
    if (pause && performance.now() - since >= DECODE_SLICE_MS) {
      await pause();
      since = performance.now();
    }
  };
  for (const group of model.weightsManifest) {
    const buffers = await Promise.all(group.paths.map(readShard));
    const got = buffers.reduce((n, b) => n + b.byteLength, 0);
    const want = group.weights.reduce((n, e) => n + entryBytes(e), 0);
    if (got !== want)
      throw WeightsError.of('engine.weights.truncated', { where, paths: group.paths.join(', '), got, want });
    const all = joined(buffers);
    since = performance.now();
    // Every weight is checked before any is decoded: a damaged shard costs no decoding.
    let at = 0;
    for (const e of group.weights) {
      checkFinite(all, at, e, where);
      at += entryBytes(e);
      await breathe();
    }
    // One weight at a time (float16 to float32 included), with a pause now and then.
    at = 0;
    for (const e of group.weights) {
      values.set(e.name, { shape: e.shape, data: decodeEntry(all, at, e) });
      at += entryBytes(e);
      await breathe();
    }
  }
  return { values, precision: model.precision, auxHeads: model.auxHeads, source: model.source };
}

/** The weights as tensors on the current backend (see `loadWeightValues`). */
export async function loadWeights(
  model: ModelJson,
  readShard: ReadShard,
  where = 'model.json',
  specs: readonly WeightSpec[] = weightSpecs(),
  pause?: () => Promise<void>
): Promise<LoadedWeights> {
  const loaded = await loadWeightValues(model, readShard, where, specs, pause);
  return { tensors: valuesToTensors(loaded), precision: loaded.precision, auxHeads: loaded.auxHeads, source: loaded.source };
}

/** Loaded values as tensors on the current backend (the caller owns them). */
export function valuesToTensors(loaded: LoadedValues): tf.NamedTensorMap {
  const tensors: tf.NamedTensorMap = {};
  for (const [name, v] of loaded.values) tensors[name] = tf.tensor(v.data, [...v.shape], 'float32');
  return tensors;
}

/**
 * As valuesToTensors, but each weight's values leave `values` as its tensor is made, so that
 * the plain copy can be collected while the rest are converted (one copy of the weights at a
 * time, not two, where the backend copies them: WASM, WebGL after upload). `values` ends empty.
 */
export function takeTensors(values: Map<string, WeightValue>): tf.NamedTensorMap {
  const tensors: tf.NamedTensorMap = {};
  for (const [name, v] of [...values]) {
    tensors[name] = tf.tensor(v.data, [...v.shape], 'float32');
    values.delete(name);
  }
  return tensors;
}
