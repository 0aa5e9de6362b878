/**
 * Turns Caffe blobs (from a caffemodel or from the one-file-a-blob layout) into tfjs-layout
 * weights, refusing anything missing, extra or of the wrong size with one line naming the blob.
 * Plain TypeScript: the page uses it too, for a caffemodel dropped onto it.
 */
import type { CaffeNet } from './caffemodel';
import { EngineError } from './message';
import { MAIN_GROUP, shapeText, sizeOf, weightSpecs, type WeightSpec } from './weight-spec';

/**
 * How filters are ordered: a caffemodel holds conv filters [out, in, kh, kw]; the per-blob
 * files hold them [out, kh, kw, in]. Fully connected filters are [out, in] in both.
 */
export type BlobLayout = 'caffe' | 'per-blob';

export interface SourceBlob {
  /** Where it came from, for messages: a file path or `layer conv1/7x7_s2, blob 0`. */
  readonly label: string;
  /** Known for a caffemodel; the per-blob files carry no shape. */
  readonly shape?: readonly number[];
  readonly data: Float32Array;
}

export interface BlobSource {
  readonly layout: BlobLayout;
  /** Keyed by weight name, `inception_4c/3x3/filter`. */
  readonly blobs: ReadonlyMap<string, SourceBlob>;
  /** Blobs that cannot belong to the network, each with why: `layer x, blob 2 (a third blob)`. */
  readonly stray?: readonly string[];
}

export interface Weight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface ImportedWeights {
  /** In `weightSpecs` order. */
  readonly weights: readonly Weight[];
  /** The auxiliary heads present (`loss1`, `loss2`); the main path is always there. */
  readonly auxHeads: readonly string[];
}

/** Weights that cannot be used, with a catalogue key where a reader may see it (the CLI's own messages have none). */
export class WeightsError extends EngineError {}

/** Larger than the upstream caffemodel (53 MB) with room to spare: a bigger file is refused unread. */
export const MAX_CAFFEMODEL_BYTES = 256 * 1024 * 1024;

/** A caffemodel's layers as a blob source: blob 0 is the filter, blob 1 the bias. */
export function caffeSource(net: CaffeNet): BlobSource {
  const blobs = new Map<string, SourceBlob>();
  const stray: string[] = [];
  for (const layer of net.layers) {
    layer.blobs.forEach((b, i) => {
      const label = `layer ${layer.name}, blob ${i}`;
      if (i > 1) stray.push(`${label} (GoogLeNet layers have two blobs)`);
      else blobs.set(`${layer.name}/${i === 0 ? 'filter' : 'bias'}`, { label, shape: b.shape, data: b.data });
    });
  }
  return { layout: 'caffe', blobs, stray };
}

/** Drops leading 1s (legacy blobs are always 4-d: a bias is 1x1x1xN) down to `rank`. */
function squeezeTo(shape: readonly number[], rank: number): readonly number[] {
  let s = shape;
  while (s.length > rank && s[0] === 1) s = s.slice(1);
  return s;
}

function check(spec: WeightSpec, blob: SourceBlob, layout: BlobLayout): void {
  const expected = expectedSourceShape(spec, layout);
  if (blob.shape) {
    const got = squeezeTo(blob.shape, expected.length);
    if (shapeText(got) !== shapeText(expected))
      throw WeightsError.of('engine.import.shape', { blob: blob.label, name: spec.name, shape: shapeText(blob.shape), expected: shapeText(expected) });
  }
  if (blob.data.length !== sizeOf(expected))
    throw WeightsError.of('engine.import.count', {
      blob: blob.label,
      name: spec.name,
      count: blob.data.length,
      size: sizeOf(expected),
      expected: shapeText(expected)
    });
  const bad = firstNonFinite(blob.data);
  if (bad >= 0) throw WeightsError.of('engine.import.damaged', { blob: blob.label, name: spec.name, value: String(blob.data[bad]), index: bad });
}

/** The index of the first NaN or infinite value, or -1. */
export function firstNonFinite(data: ArrayLike<number>): number {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return i;
  return -1;
}

function expectedSourceShape(spec: WeightSpec, layout: BlobLayout): readonly number[] {
  if (spec.blob === 'bias' || spec.shape.length === 2 || layout === 'caffe') return spec.caffeShape;
  const [out, cin, kh, kw] = spec.caffeShape as [number, number, number, number];
  return [out, kh, kw, cin];
}

/** Reorders `data` of shape `dims` so that output axis i is input axis perm[i]. */
export function transpose(data: Float32Array, dims: readonly number[], perm: readonly number[]): Float32Array {
  const rank = dims.length;
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1));
  const outDims = perm.map((p) => dims[p] as number);
  const outStrides = perm.map((p) => strides[p] as number);
  const out = new Float32Array(data.length);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let a = 0; a < rank; a++) src += (index[a] as number) * (outStrides[a] as number);
    out[o] = data[src] as number;
    for (let a = rank - 1; a >= 0; a--) {
      index[a] = (index[a] as number) + 1;
      if ((index[a] as number) < (outDims[a] as number)) break;
      index[a] = 0;
    }
  }
  return out;
}

/** The blob in tfjs layout: conv [kh, kw, in, out]; fc [in, out] with inputs ordered h, w, c. */
function toTfjs(spec: WeightSpec, blob: SourceBlob, layout: BlobLayout): Float32Array {
  if (spec.blob === 'bias') return blob.data;
  if (spec.fcInput) {
    // Caffe flattens a fc layer's input as (c, h, w); tfjs's NHWC flattens as (h, w, c).
    const [h, w, c] = spec.fcInput;
    return transpose(blob.data, [spec.caffeShape[0] as number, c, h, w], [2, 3, 1, 0]);
  }
  return layout === 'caffe'
    ? transpose(blob.data, spec.caffeShape, [2, 3, 1, 0])
    : transpose(blob.data, expectedSourceShape(spec, layout), [1, 2, 3, 0]);
}

export function importBlobs(source: BlobSource, specs: readonly WeightSpec[] = weightSpecs()): ImportedWeights {
  const known = new Set(specs.map((s) => s.name));
  const layers = new Set(specs.map((s) => s.layer));
  const main = specs.filter((s) => s.group === MAIN_GROUP);
  if (!main.some((s) => source.blobs.has(s.name))) {
    const found = [...new Set([...source.blobs.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))];
    const layer = String(main[0]?.layer);
    throw found.length
      ? WeightsError.of('engine.import.notGoogLeNetFound', { layer, found: `${found.slice(0, 4).join(', ')}${found.length > 4 ? ', ...' : ''}` })
      : WeightsError.of('engine.import.notGoogLeNet', { layer });
  }
  const extra = [...source.blobs.entries()].find(([name]) => !known.has(name));
  if (extra) {
    const layer = extra[0].slice(0, extra[0].lastIndexOf('/'));
    throw layers.has(layer)
      ? WeightsError.of('engine.import.noSuchBlob', { blob: extra[1].label })
      : WeightsError.of('engine.import.noSuchLayer', { blob: extra[1].label, layer });
  }
  if (source.stray?.length) throw WeightsError.of('engine.import.stray', { blob: source.stray[0] });
  const groups = new Set(specs.map((s) => s.group));
  const present = [...groups].filter((g) => g === MAIN_GROUP || specs.some((s) => s.group === g && source.blobs.has(s.name)));
  const weights: Weight[] = [];
  for (const spec of specs.filter((s) => present.includes(s.group))) {
    const blob = source.blobs.get(spec.name);
    if (!blob) throw WeightsError.of('engine.import.missing', { name: spec.name, shape: shapeText(spec.caffeShape) });
    check(spec, blob, source.layout);
    weights.push({ name: spec.name, shape: spec.shape, data: toTfjs(spec, blob, source.layout) });
  }
  return { weights, auxHeads: present.filter((g) => g !== MAIN_GROUP) };
}

/** `n01440764 tench, Tinca tinca` -> `tench, Tinca tinca`, refusing anything but 1000 classes. */
export function parseSynsetWords(text: string, classes = 1000): string[] {
  const labels = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/^n\d{8}\s+/, '').trim());
  if (labels.length !== classes) throw WeightsError.of('engine.import.labels', { count: labels.length, classes });
  return labels;
}
