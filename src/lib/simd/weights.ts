/**
 * Where each layer's packed filters and biases sit in the kernels' memory. Laid out once per
 * network, before any program: programs for every batch size share them. 3x3 and 5x5 stride-1
 * filters are also kept transformed for Winograd (4x and 1.44x the values), since a program uses
 * Winograd or im2col per layer depending on how many tiles the batch has.
 */
import { isModule, type Plan, type PlannedLayer } from '../core/plan';
import { MAIN_GROUP, shapeText, weightSpecs } from '../engine/weight-spec';
import { packBias, packPanels, panelled, WINOGRAD_STEP, winogradFilters } from './pack';

export interface PackedLayer {
  /** Byte offsets of the GEMM panels and the bias. */
  readonly gemm: number;
  readonly bias: number;
  /** 36 packed [in, out] matrices, for 3x3 and 5x5 stride-1 convs. */
  readonly winograd?: number;
}

export interface WeightLayout {
  readonly conv: ReadonlyMap<string, PackedLayer>;
  readonly fc: ReadonlyMap<string, PackedLayer>;
  /** A run of zero floats as wide as the widest layer: the bias of Winograd's GEMMs. */
  readonly zeros: number;
  readonly auxHeads: readonly string[];
  /** What to copy where. */
  readonly blocks: readonly { readonly ptr: number; readonly data: Float32Array }[];
  /** First free byte. */
  readonly end: number;
}

export type WeightValues = (name: string) => Float32Array | undefined;

const ALIGN = 64;
/** Where the weights start in the kernels' memory (low memory is left to the kernels' module). */
export const HEAP_START = 65536;

/** Checks the weights against the plan (as the tfjs engine does) and lays them out from `start`. */
export function layoutWeights(p: Plan, values: WeightValues, start: number): WeightLayout {
  const specs = weightSpecs(p);
  for (const s of specs) {
    const v = values(s.name);
    if (s.group === MAIN_GROUP && !v) throw new Error(`weight ${s.name} is not loaded`);
    const size = s.shape.reduce((a, b) => a * b, 1);
    if (v && v.length !== size) throw new Error(`weight ${s.name} has ${v.length} values, the plan needs ${shapeText(s.shape)}`);
  }
  const auxHeads = p.aux.map((a) => a.head.name).filter((h) => specs.every((s) => s.group !== h || values(s.name)));

  let top = start;
  const blocks: { ptr: number; data: Float32Array }[] = [];
  const put = (data: Float32Array): number => {
    const ptr = Math.ceil(top / ALIGN) * ALIGN;
    blocks.push({ ptr, data });
    top = ptr + data.byteLength;
    return ptr;
  };
  const conv = new Map<string, PackedLayer>();
  const fc = new Map<string, PackedLayer>();
  let widest = 0;
  const layers: PlannedLayer[] = [
    ...p.rows.flatMap((r) => (isModule(r.block) ? r.block.branches.flatMap((b) => b.layers) : r.block)),
    ...p.aux.filter((a) => auxHeads.includes(a.head.name)).flatMap((a) => a.layers)
  ];
  for (const l of layers) {
    const L = l.layer;
    if (L.op !== 'conv' && L.op !== 'fc') continue;
    const filter = values(`${L.name}/filter`) as Float32Array;
    const bias = values(`${L.name}/bias`) as Float32Array;
    const out = bias.length;
    const depth = filter.length / out;
    widest = Math.max(widest, out);
    const packed: PackedLayer = {
      gemm: put(packPanels(filter, depth, out)),
      bias: put(packBias(bias)),
      winograd: L.op === 'conv' && WINOGRAD_STEP[L.kernel] !== undefined && L.stride === 1 ? put(winogradFilters(filter, L.kernel, l.input[2], out)) : undefined
    };
    (L.op === 'conv' ? conv : fc).set(L.name, packed);
  }
  const zeros = put(new Float32Array(panelled(widest)));
  return { conv, fc, zeros, auxHeads, blocks, end: top };
}
