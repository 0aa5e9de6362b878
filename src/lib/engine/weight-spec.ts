/**
 * Which weight tensors the description needs, and their shapes, computed from the plan: the one
 * list that the importer checks blobs against and the engine checks loaded weights against.
 * Names are Caffe's layer names plus `/filter` or `/bias`; shapes are tfjs's layouts.
 */
import { isModule, plan, type Plan, type PlannedLayer } from '../core/plan';

export interface WeightSpec {
  /** `inception_4c/3x3/filter` */
  readonly name: string;
  /** The Caffe layer the blob belongs to. */
  readonly layer: string;
  readonly blob: 'filter' | 'bias';
  /** conv filter [kh, kw, in, out]; fc filter [in, out]; bias [out]. */
  readonly shape: readonly number[];
  /** Caffe's shape of the same blob: conv [out, in, kh, kw]; fc [out, in]; bias [out]. */
  readonly caffeShape: readonly number[];
  /** For an fc layer fed by a spatial map: its input [h, w, c] (Caffe flattens it as c, h, w). */
  readonly fcInput?: readonly [number, number, number];
  /** Main path weights are required; an auxiliary head's (`loss1`, `loss2`) are all or nothing. */
  readonly group: string;
}

function specsOf(p: PlannedLayer, group: string): WeightSpec[] {
  const { layer, input } = p;
  if (layer.op === 'conv') {
    const [k, cin, cout] = [layer.kernel, input[2], layer.filters];
    return [
      { name: `${layer.name}/filter`, layer: layer.name, blob: 'filter', shape: [k, k, cin, cout], caffeShape: [cout, cin, k, k], group },
      { name: `${layer.name}/bias`, layer: layer.name, blob: 'bias', shape: [cout], caffeShape: [cout], group }
    ];
  }
  if (layer.op === 'fc') {
    const cin = input[0] * input[1] * input[2];
    const cout = layer.outputs;
    return [
      { name: `${layer.name}/filter`, layer: layer.name, blob: 'filter', shape: [cin, cout], caffeShape: [cout, cin], fcInput: input, group },
      { name: `${layer.name}/bias`, layer: layer.name, blob: 'bias', shape: [cout], caffeShape: [cout], group }
    ];
  }
  return [];
}

export const MAIN_GROUP = 'main';

/** Every weight of the plan, main path first (in execution order), then each auxiliary head. */
export function weightSpecs(p: Plan = plan()): WeightSpec[] {
  const main = p.rows.flatMap((r) =>
    (isModule(r.block) ? r.block.branches.flatMap((b) => b.layers) : r.block).flatMap((l) => specsOf(l, MAIN_GROUP))
  );
  const aux = p.aux.flatMap((a) => a.layers.flatMap((l) => specsOf(l, a.head.name)));
  return [...main, ...aux];
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export const shapeText = (shape: readonly number[]): string => shape.join('x');
