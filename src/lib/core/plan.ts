/**
 * The description resolved for one configuration: what-if filter counts applied, each Inception
 * module in its chosen variant, and every layer's input and output shape and receptive field
 * propagated from the input. The cost model and the engine both walk this plan.
 */
import { branches, outputName, type BranchName, type ModuleVariant } from './inception';
import {
  FILTER_KEYS,
  GOOGLENET,
  isInception,
  type AuxHead,
  type ConvLayer,
  type InceptionModule,
  type Layer,
  type Network,
  type Table1Row
} from './network';
import { FILTER_SUFFIX } from './inception';

/** [height, width, channels] */
export type Shape = readonly [number, number, number];

/** Receptive field on the input image: its side in pixels, and the stride between neighbours. */
export interface ReceptiveField {
  readonly size: number;
  readonly jump: number;
}

export interface PlannedLayer {
  readonly layer: Layer;
  readonly input: Shape;
  readonly output: Shape;
  readonly rf: ReceptiveField;
}

export interface PlannedBranch {
  readonly name: BranchName;
  /** Name of the tap at the branch's end, e.g. `inception_4c/3x3`. */
  readonly tap: string;
  readonly layers: readonly PlannedLayer[];
  readonly output: Shape;
  readonly rf: ReceptiveField;
}

export interface PlannedModule {
  readonly op: 'inception';
  readonly module: InceptionModule;
  readonly variant: ModuleVariant;
  /** Name of the concatenated output, e.g. `inception_4c/output`. */
  readonly tap: string;
  readonly input: Shape;
  readonly output: Shape;
  readonly branches: readonly PlannedBranch[];
  readonly rf: ReceptiveField;
}

export interface PlannedRow {
  readonly row: Table1Row;
  readonly input: Shape;
  readonly output: Shape;
  readonly block: PlannedModule | readonly PlannedLayer[];
  readonly rf: ReceptiveField;
}

export interface PlannedAux {
  readonly head: AuxHead;
  readonly input: Shape;
  readonly layers: readonly PlannedLayer[];
}

export interface Plan {
  readonly network: Network;
  readonly rows: readonly PlannedRow[];
  readonly aux: readonly PlannedAux[];
}

export interface PlanOptions {
  /** Which Inception modules are naive (Figure 2a): none, all, or the names/ids listed. */
  readonly naive?: 'none' | 'all' | readonly string[];
  /** What-if filter counts by layer name (`inception_4c/3x3`, `conv2/3x3`); see whatif.ts. */
  readonly overrides?: Readonly<Record<string, number>>;
}

export function isModule(block: PlannedRow['block']): block is PlannedModule {
  return !Array.isArray(block) && (block as PlannedModule).op === 'inception';
}

/** Output side of a convolution (rounds down) or a pool (rounds up, as Caffe does). */
export function outputSide(input: number, kernel: number, stride: number, pad: number, ceil: boolean): number {
  const span = input + 2 * pad - kernel;
  if (span < 0) throw new RangeError(`a ${kernel}x${kernel} window does not fit a ${input}x${input} input`);
  let out = (ceil ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  // Caffe: the last pooling window must start inside the image, not in the padding.
  if (ceil && pad > 0 && (out - 1) * stride >= input + pad) out -= 1;
  return out;
}

export function layerOutput(layer: Layer, input: Shape): Shape {
  const [h, w, c] = input;
  switch (layer.op) {
    case 'conv':
      return [
        outputSide(h, layer.kernel, layer.stride, layer.pad, false),
        outputSide(w, layer.kernel, layer.stride, layer.pad, false),
        layer.filters
      ];
    case 'maxpool':
    case 'avgpool':
      return [
        outputSide(h, layer.kernel, layer.stride, layer.pad, true),
        outputSide(w, layer.kernel, layer.stride, layer.pad, true),
        c
      ];
    case 'fc':
      return [1, 1, layer.outputs];
    default:
      return input;
  }
}

function layerRf(layer: Layer, input: Shape, rf: ReceptiveField): ReceptiveField {
  switch (layer.op) {
    case 'conv':
    case 'maxpool':
    case 'avgpool':
      return { size: rf.size + (layer.kernel - 1) * rf.jump, jump: rf.jump * layer.stride };
    case 'fc':
      // A fully connected layer sees its whole input.
      return { size: rf.size + (Math.max(input[0], input[1]) - 1) * rf.jump, jump: rf.jump };
    default:
      return rf;
  }
}

function planLayers(layers: readonly Layer[], input: Shape, rf: ReceptiveField): PlannedLayer[] {
  const planned: PlannedLayer[] = [];
  for (const layer of layers) {
    const output = layerOutput(layer, input);
    rf = layerRf(layer, input, rf);
    planned.push({ layer, input, output, rf });
    input = output;
  }
  return planned;
}

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];

function withOverrides(m: InceptionModule, overrides: Readonly<Record<string, number>>): InceptionModule {
  const filters = { ...m.filters };
  for (const key of FILTER_KEYS) {
    const value = overrides[`${m.name}/${FILTER_SUFFIX[key]}`];
    if (value !== undefined) filters[key] = value;
  }
  return { ...m, filters };
}

function layerWithOverride(layer: Layer, overrides: Readonly<Record<string, number>>): Layer {
  const value = overrides[layer.name];
  return layer.op === 'conv' && value !== undefined ? ({ ...layer, filters: value } satisfies ConvLayer) : layer;
}

export function planModule(
  module: InceptionModule,
  variant: ModuleVariant,
  input: Shape,
  rf: ReceptiveField
): PlannedModule {
  const planned = branches(module, variant).map((b): PlannedBranch => {
    const layers = planLayers(b.layers, input, rf);
    const end = last(layers);
    return { name: b.name, tap: end.layer.name, layers, output: end.output, rf: end.rf };
  });
  const [h, w] = planned[0].output;
  const channels = planned.reduce((sum, b) => sum + b.output[2], 0);
  const widest = planned.reduce((a, b) => (b.rf.size > a.size ? b.rf : a), planned[0].rf);
  return {
    op: 'inception',
    module,
    variant,
    tap: outputName(module),
    input,
    output: [h, w, channels],
    branches: planned,
    rf: widest
  };
}

function isNaive(naive: PlanOptions['naive'], m: InceptionModule): boolean {
  if (naive === undefined || naive === 'none') return false;
  if (naive === 'all') return true;
  return naive.includes(m.name) || naive.includes(m.id);
}

export function plan(options: PlanOptions = {}, network: Network = GOOGLENET): Plan {
  const overrides = options.overrides ?? {};
  let shape: Shape = network.input;
  let rf: ReceptiveField = { size: 1, jump: 1 };
  const outputs = new Map<string, { shape: Shape; rf: ReceptiveField }>();
  const rows = network.rows.map((row): PlannedRow => {
    const input = shape;
    let block: PlannedRow['block'];
    if (isInception(row.block)) {
      const m = withOverrides(row.block, overrides);
      block = planModule(m, isNaive(options.naive, m) ? 'naive' : 'reduced', input, rf);
      shape = block.output;
      rf = block.rf;
      outputs.set(m.name, { shape, rf });
    } else {
      const layers = planLayers(
        row.block.map((l) => layerWithOverride(l, overrides)),
        input,
        rf
      );
      block = layers;
      shape = last(layers).output;
      rf = last(layers).rf;
    }
    return { row, input, output: shape, block, rf };
  });
  const aux = network.aux.map((head): PlannedAux => {
    const from = outputs.get(head.after);
    if (!from) throw new Error(`auxiliary head ${head.name} follows unknown module ${head.after}`);
    return { head, input: from.shape, layers: planLayers(head.layers, from.shape, from.rf) };
  });
  return { network, rows, aux };
}

/** Every layer of the main path in execution order (module branches in branch order). */
export function planLayersInOrder(p: Plan): PlannedLayer[] {
  return p.rows.flatMap((r) => (isModule(r.block) ? r.block.branches.flatMap((b) => b.layers) : r.block));
}
