/**
 * Reads a Caffe `.caffemodel` (a NetParameter protobuf) into named layers and their blobs, with
 * protobufjs's wire reader and the few fields of caffe.proto that hold weights, in memory bounded
 * by the file's size. Both the current `layer` (100) and the legacy V1 `layers` (2) lists are
 * read. Also encodes (protobufjs's generic messages), so tests can build small files.
 */
import protobuf from 'protobufjs';
import { EngineError } from './message';

const repeated = (type: string, id: number, packed = false) => ({
  type,
  id,
  rule: 'repeated',
  ...(packed ? { options: { packed: true } } : {})
});

// The subset of caffe.proto (field numbers as upstream) needed to read weights.
const SCHEMA = {
  nested: {
    caffe: {
      nested: {
        BlobShape: { fields: { dim: repeated('int64', 1, true) } },
        BlobProto: {
          fields: {
            shape: { type: 'BlobShape', id: 7 },
            data: repeated('float', 5, true),
            double_data: repeated('double', 8, true),
            num: { type: 'int32', id: 1 },
            channels: { type: 'int32', id: 2 },
            height: { type: 'int32', id: 3 },
            width: { type: 'int32', id: 4 }
          }
        },
        LayerParameter: {
          fields: { name: { type: 'string', id: 1 }, type: { type: 'string', id: 2 }, blobs: repeated('BlobProto', 7) }
        },
        V1LayerParameter: { fields: { name: { type: 'string', id: 4 }, blobs: repeated('BlobProto', 6) } },
        NetParameter: {
          fields: {
            name: { type: 'string', id: 1 },
            layer: repeated('LayerParameter', 100),
            layers: repeated('V1LayerParameter', 2)
          }
        }
      }
    }
  }
};

const root = protobuf.Root.fromJSON(SCHEMA);
const NetParameter = root.lookupType('caffe.NetParameter');

export interface CaffeBlob {
  /** The blob's shape: `shape.dim` when given, else the legacy [num, channels, height, width]. */
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface CaffeLayer {
  readonly name: string;
  readonly blobs: readonly CaffeBlob[];
}

export interface CaffeNet {
  readonly name: string;
  readonly layers: readonly CaffeLayer[];
}

/** More layers than any GoogLeNet file has (the upstream one: about 230); a bound on memory. */
export const MAX_LAYERS = 10_000;
/** Likewise for blobs (GoogLeNet's layers have two at most). */
export const MAX_BLOBS = 2 * MAX_LAYERS;

/** Thrown for a file that is not a caffemodel at all. */
export class CaffemodelError extends EngineError {}

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

type Reader = protobuf.Reader;

const toNumber = (v: unknown): number => (typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber());

/** The bytes of a length-delimited field, checked against the end of the enclosing message. */
function slice(r: Reader, end: number): Uint8Array {
  const length = r.uint32();
  if (r.pos + length > end) throw new Error(`a field runs ${r.pos + length - end} bytes past the end of its message`);
  const bytes = r.buf.subarray(r.pos, r.pos + length);
  r.pos += length;
  return bytes;
}

/** Packed little-endian floats (or doubles) copied straight into a Float32Array. */
function packed(bytes: Uint8Array, size: 4 | 8): Float32Array {
  if (bytes.byteLength % size !== 0) throw new Error(`${bytes.byteLength} bytes of packed values is not a whole number of them`);
  const copy = new Uint8Array(bytes); // aligned
  return size === 4 ? new Float32Array(copy.buffer) : Float32Array.from(new Float64Array(copy.buffer));
}

function joined(parts: Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0] as Float32Array;
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function readShape(bytes: Uint8Array): number[] {
  const r = protobuf.Reader.create(bytes);
  const dims: number[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === WIRE_BYTES) {
      const end = r.uint32() + r.pos;
      while (r.pos < end) dims.push(toNumber(r.int64()));
    } else if (tag >>> 3 === 1 && (tag & 7) === WIRE_VARINT) dims.push(toNumber(r.int64()));
    else r.skipType(tag & 7);
  }
  return dims;
}

function readBlob(bytes: Uint8Array): CaffeBlob {
  const r = protobuf.Reader.create(bytes);
  let shape: number[] | undefined;
  const legacy = [0, 0, 0, 0];
  const floats: Float32Array[] = [];
  const doubles: Float32Array[] = [];
  const single: number[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 7 && wire === WIRE_BYTES) shape = readShape(slice(r, r.len));
    else if (field === 5 && wire === WIRE_BYTES) floats.push(packed(slice(r, r.len), 4));
    else if (field === 5 && wire === WIRE_FIXED32) single.push(r.float());
    else if (field === 8 && wire === WIRE_BYTES) doubles.push(packed(slice(r, r.len), 8));
    else if (field >= 1 && field <= 4 && wire === WIRE_VARINT) legacy[field - 1] = r.int32();
    else r.skipType(wire);
  }
  if (single.length) floats.push(Float32Array.from(single));
  const data = floats.length ? joined(floats) : doubles.length ? joined(doubles) : new Float32Array(0);
  return { shape: shape && shape.length > 0 ? shape : legacy, data };
}

/** A LayerParameter (name 1, blobs 7) or a V1LayerParameter (name 4, blobs 6). */
function readLayer(bytes: Uint8Array, v1: boolean, count: { blobs: number }): CaffeLayer {
  const r = protobuf.Reader.create(bytes);
  let name = '';
  const blobs: CaffeBlob[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === (v1 ? 4 : 1) && wire === WIRE_BYTES) name = r.string();
    else if (field === (v1 ? 6 : 7) && wire === WIRE_BYTES) {
      if (++count.blobs > MAX_BLOBS) throw CaffemodelError.of('engine.import.tooManyBlobs', { max: MAX_BLOBS.toLocaleString('en-US') });
      blobs.push(readBlob(slice(r, r.len)));
    }
    else r.skipType(wire);
  }
  return { name, blobs };
}

/**
 * Reads the NetParameter field by field with protobuf's wire reader, never building the generic
 * message: blob data is copied once, straight from the bytes into Float32Arrays, and the number
 * of layers is bounded (MAX_LAYERS), so memory stays about twice the file's size whatever it holds.
 */
export function decodeCaffemodel(bytes: Uint8Array): CaffeNet {
  let name = '';
  const layers: CaffeLayer[] = [];
  const count = { blobs: 0 };
  try {
    const r = protobuf.Reader.create(bytes);
    while (r.pos < r.len) {
      const tag = r.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      if ((field === 100 || field === 2) && wire === WIRE_BYTES) {
        if (layers.length === MAX_LAYERS)
          throw CaffemodelError.of('engine.import.tooManyLayers', { max: MAX_LAYERS.toLocaleString('en-US') });
        layers.push(readLayer(slice(r, r.len), field === 2, count));
      } else if (field === 1 && wire === WIRE_BYTES) name = r.string();
      else r.skipType(wire);
    }
  } catch (e) {
    if (e instanceof CaffemodelError) throw e;
    throw CaffemodelError.of('engine.import.undecodable', { error: (e as Error).message });
  }
  if (layers.length === 0) throw CaffemodelError.of('engine.import.noLayers');
  return { name, layers };
}

export interface EncodeOptions {
  /** Write the legacy V1 `layers` list with num/channels/height/width instead of `shape`. */
  readonly legacy?: boolean;
}

/** Encodes layers as a caffemodel (for tests and for handing synthetic models around). */
export function encodeCaffemodel(net: CaffeNet, options: EncodeOptions = {}): Uint8Array {
  const blob = (b: CaffeBlob) => {
    const data = Array.from(b.data);
    if (!options.legacy) return { shape: { dim: [...b.shape] }, data };
    const four = [1, 1, 1, 1, ...b.shape].slice(-4);
    return { num: four[0], channels: four[1], height: four[2], width: four[3], data };
  };
  const layers = net.layers.map((l) => ({ name: l.name, blobs: l.blobs.map(blob) }));
  const message = NetParameter.fromObject(options.legacy ? { name: net.name, layers } : { name: net.name, layer: layers });
  return NetParameter.encode(message).finish();
}
