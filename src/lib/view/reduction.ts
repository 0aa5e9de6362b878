/**
 * One output channel of a 1x1 convolution, made by hand: which tap feeds a reduction (`*_reduce`
 * or `pool_proj`), the filter's weights for one output channel, the weighted sum over the input
 * channels at one pixel (with its running sums), the bias and the ReLU; and the multiply-adds of
 * the branch, reduced and naive, from the cost model. DOM-free, so it is tested in Node.
 */
import { compareModule, type LayerCost } from '../core/cost';
import type { BranchName } from '../core/inception';
import { isModule, plan as makePlan, type Plan, type Shape } from '../core/plan';

/** Where a 1x1 reduction sits and what feeds it. */
export interface ReductionSpec {
  /** `inception_3a/3x3_reduce` */
  readonly layer: string;
  /** `inception_3a` */
  readonly module: string;
  /** `3a` */
  readonly moduleId: string;
  readonly branch: BranchName;
  /** The tap the 1x1 convolution reads: the module's input (`pool2/3x3_s2`) or its pool (`inception_3a/pool`). */
  readonly inputTap: string;
  readonly input: Shape;
  readonly output: Shape;
}

const REDUCTION = /\/(3x3_reduce|5x5_reduce|pool_proj)$/;

/** Whether `layer` names a reduction (a `*_reduce` or `pool_proj` convolution of a module). */
export const isReductionName = (layer: string): boolean => REDUCTION.test(layer);

/** The reduction named `layer` in plan `p`, or null when it has none (or the module is naive). */
export function reductionSpec(layer: string, p: Plan = makePlan()): ReductionSpec | null {
  if (!isReductionName(layer)) return null;
  for (const [i, row] of p.rows.entries()) {
    if (!isModule(row.block)) continue;
    for (const b of row.block.branches) {
      const at = b.layers.findIndex((l) => l.layer.name === layer);
      if (at < 0) continue;
      const l = b.layers[at]!;
      if (l.layer.op !== 'conv' || l.layer.kernel !== 1) return null;
      const inputTap = at > 0 ? b.layers[at - 1]!.layer.name : tapOfRow(p, i - 1);
      return {
        layer,
        module: row.block.module.name,
        moduleId: row.block.module.id,
        branch: b.name,
        inputTap,
        input: l.input,
        output: l.output
      };
    }
  }
  return null;
}

/** The tap name of a row's output: a module's concatenation, or the row's last layer. */
function tapOfRow(p: Plan, index: number): string {
  const row = p.rows[index];
  if (!row) return 'data';
  return isModule(row.block) ? row.block.tap : row.block[row.block.length - 1]!.layer.name;
}

/** Every reduction of the network, in execution order. */
export function reductionLayers(p: Plan = makePlan()): string[] {
  return p.rows.flatMap((r) =>
    isModule(r.block) ? r.block.branches.flatMap((b) => b.layers.map((l) => l.layer.name).filter(isReductionName)) : []
  );
}

/** A feature map as the engine gives it: [h, w, c], row-major. */
export interface MapData {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float32Array;
}

/** A 1x1 filter bank as the weights hold it: [1, 1, in, out], row-major. */
export interface FilterData {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** The `in` weights of output channel `out` of a 1x1 filter bank. */
export function filterColumn(filter: FilterData, out: number): Float32Array {
  const [kh, kw, cin, cout] = filter.shape as [number, number, number, number];
  if (filter.shape.length !== 4 || kh !== 1 || kw !== 1) throw new Error(`not a 1x1 filter bank: shape ${filter.shape.join('x')}`);
  if (!Number.isInteger(out) || out < 0 || out >= cout) throw new RangeError(`output channel ${out} is outside 0..${cout - 1}`);
  return Float32Array.from({ length: cin }, (_, c) => filter.data[c * cout + out] as number);
}

/** Every channel's value at pixel (y, x). */
export function pixelValues(map: MapData, y: number, x: number): Float32Array {
  if (!Number.isInteger(y) || !Number.isInteger(x) || y < 0 || x < 0 || y >= map.height || x >= map.width)
    throw new RangeError(`pixel (${y}, ${x}) is outside the ${map.height}x${map.width} map`);
  const at = (y * map.width + x) * map.channels;
  return map.data.slice(at, at + map.channels);
}

/** The value of channel `c` at every pixel, [h * w]. */
export function channelOf(map: MapData, c: number): Float32Array {
  const n = map.height * map.width;
  return Float32Array.from({ length: n }, (_, p) => map.data[p * map.channels + c] as number);
}

export const relu = (v: number): number => (v > 0 ? v : 0);

export interface WeightedSum {
  /** value × weight per input channel. */
  readonly products: Float64Array;
  /** running[k] = the sum of the first k products (running[0] = 0), length in + 1. */
  readonly running: Float64Array;
  readonly sum: number;
  readonly bias: number;
  /** sum + bias */
  readonly preActivation: number;
  /** ReLU(sum + bias): what the layer outputs. */
  readonly output: number;
}

/** The 1x1 convolution at one pixel for one output channel, every step kept. */
export function weightedSum(values: ArrayLike<number>, weights: ArrayLike<number>, bias: number): WeightedSum {
  if (values.length !== weights.length)
    throw new Error(`${values.length} input values but ${weights.length} weights: they must match one to one`);
  const products = new Float64Array(values.length);
  const running = new Float64Array(values.length + 1);
  for (let c = 0; c < values.length; c++) {
    products[c] = (values[c] as number) * (weights[c] as number);
    running[c + 1] = (running[c] as number) + (products[c] as number);
  }
  const sum = running[values.length] as number;
  const preActivation = sum + bias;
  return { products, running, sum, bias, preActivation, output: relu(preActivation) };
}

/** The branch a reduction belongs to, as built (reduction first) and naive (Figure 2a), from the cost model. */
export interface BranchCounter {
  readonly reduced: readonly LayerCost[];
  readonly naive: readonly LayerCost[];
  readonly reducedMacs: number;
  readonly naiveMacs: number;
  /** The branch's output channels, reduced and naive (they differ for the pool branch). */
  readonly reducedChannels: number;
  readonly naiveChannels: number;
}

export function branchCounter(spec: ReductionSpec): BranchCounter {
  const pair = compareModule(spec.module);
  const find = (v: 'reduced' | 'naive') => {
    const b = pair[v].branches.find((x) => x.name === spec.branch);
    if (!b) throw new Error(`${spec.module} has no ${spec.branch} branch`);
    return b;
  };
  const reduced = find('reduced');
  const naive = find('naive');
  return {
    reduced: reduced.layers,
    naive: naive.layers,
    reducedMacs: reduced.macs,
    naiveMacs: naive.macs,
    reducedChannels: reduced.output[2],
    naiveChannels: naive.output[2]
  };
}

/** Keeps a pixel inside a map after a move of (dy, dx). */
export function movePixel(p: { y: number; x: number }, dy: number, dx: number, map: { height: number; width: number }): { y: number; x: number } {
  return { y: Math.max(0, Math.min(map.height - 1, p.y + dy)), x: Math.max(0, Math.min(map.width - 1, p.x + dx)) };
}

/** The pixel (y, x) of the hottest value of one output channel (the widget's first pixel). */
export function hottestPixel(map: MapData, channel: number): { y: number; x: number } {
  let best = 0;
  let at = 0;
  for (let p = 0; p < map.height * map.width; p++) {
    const v = map.data[p * map.channels + channel] as number;
    if (v > best) {
      best = v;
      at = p;
    }
  }
  return { y: Math.floor(at / map.width), x: at % map.width };
}

/** The output channel with the highest value anywhere (the widget's first channel: one that fires). */
export function liveliestChannel(map: MapData): number {
  let best = -Infinity;
  let channel = 0;
  for (let i = 0; i < map.data.length; i++) {
    const v = map.data[i] as number;
    if (v > best) {
      best = v;
      channel = i % map.channels;
    }
  }
  return channel;
}
