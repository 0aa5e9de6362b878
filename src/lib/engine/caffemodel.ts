/**
 * Reads a Caffe `.caffemodel` (a NetParameter protobuf) into named layers and their blobs, with
 * protobufjs and the few fields of caffe.proto that hold weights. Both the current `layer` (100)
 * and the legacy V1 `layers` (2) lists are read. Also encodes, so tests can build small files.
 */
import protobuf from 'protobufjs';

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

interface RawBlob {
  shape?: { dim?: (number | { toNumber(): number })[] };
  data?: number[];
  double_data?: number[];
  num?: number;
  channels?: number;
  height?: number;
  width?: number;
}

interface RawNet {
  name?: string;
  layer?: { name?: string; blobs?: RawBlob[] }[];
  layers?: { name?: string; blobs?: RawBlob[] }[];
}

function toBlob(raw: RawBlob): CaffeBlob {
  const dims = raw.shape?.dim;
  const shape =
    dims && dims.length > 0
      ? dims.map((d) => (typeof d === 'number' ? d : d.toNumber()))
      : [raw.num ?? 0, raw.channels ?? 0, raw.height ?? 0, raw.width ?? 0];
  const values = raw.data && raw.data.length > 0 ? raw.data : (raw.double_data ?? []);
  return { shape, data: Float32Array.from(values) };
}

/** Thrown for a file that is not a caffemodel at all. */
export class CaffemodelError extends Error {}

export function decodeCaffemodel(bytes: Uint8Array): CaffeNet {
  let raw: RawNet;
  try {
    raw = NetParameter.decode(bytes) as unknown as RawNet;
  } catch (e) {
    throw new CaffemodelError(`not a Caffe model file (protobuf decoding failed: ${(e as Error).message})`);
  }
  const list = [...(raw.layer ?? []), ...(raw.layers ?? [])];
  if (list.length === 0) throw new CaffemodelError('not a Caffe model file (it has no layers)');
  const layers = list.map((l) => ({ name: l.name ?? '', blobs: (l.blobs ?? []).map(toBlob) }));
  return { name: raw.name ?? '', layers };
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
