/**
 * The cost model: params, multiply-adds, activation memory and receptive field of every layer,
 * branch, module and row of a plan, under one of two counting conventions.
 *
 * - `printed` reproduces the paper's arithmetic: weights only, and row 1 counted as the
 *   depthwise-separable 7x7 that its printed 2.7K / 34M imply.
 * - `run` is the network the weights define: plain 7x7 conv1, weights plus biases.
 *
 * Multiply-adds are counted for convolutions and fully connected layers only (as fvcore does);
 * pooling, LRN, ReLU and softmax count zero in both conventions.
 */
import type { InceptionModule, Layer } from './network';
import {
  isModule,
  plan,
  planModule,
  type Plan,
  type PlanOptions,
  type PlannedLayer,
  type PlannedRow,
  type ReceptiveField,
  type Shape
} from './plan';
import type { BranchName, ModuleVariant } from './inception';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

export type Convention = 'printed' | 'run';
export const CONVENTIONS: readonly Convention[] = ['printed', 'run'];

/** Bytes per activation value (float32). */
export const BYTES_PER_VALUE = 4;

export interface Cost {
  readonly params: number;
  /** Multiply-adds; FLOPs are twice this. */
  readonly macs: number;
  /** Bytes of all outputs this part produces (float32). */
  readonly activationBytes: number;
}

export interface LayerCost extends Cost {
  readonly name: string;
  readonly op: Layer['op'];
  readonly input: Shape;
  readonly output: Shape;
  readonly weights: number;
  readonly biases: number;
  readonly rf: ReceptiveField;
  /** The factors whose product is `macs`, for writing the arithmetic out (empty when zero). */
  readonly macFactors: readonly number[];
  /** How the layer is counted where it is not a plain layer, e.g. the separable row 1. */
  readonly note?: string;
}

export interface BranchCost extends Cost {
  readonly name: BranchName;
  readonly tap: string;
  readonly output: Shape;
  readonly rf: ReceptiveField;
  readonly layers: readonly LayerCost[];
}

export interface ModuleCost extends Cost {
  readonly module: InceptionModule;
  readonly variant: ModuleVariant;
  readonly tap: string;
  readonly input: Shape;
  readonly output: Shape;
  readonly rf: ReceptiveField;
  readonly branches: readonly BranchCost[];
}

export interface RowCost extends Cost {
  readonly row: number;
  readonly type: string;
  readonly patch: string;
  readonly depth: number;
  readonly input: Shape;
  readonly output: Shape;
  readonly rf: ReceptiveField;
  readonly layers: readonly LayerCost[];
  readonly module?: ModuleCost;
}

export interface AuxCost extends Cost {
  readonly name: string;
  readonly after: string;
  readonly layers: readonly LayerCost[];
}

export interface NetworkCost {
  readonly convention: Convention;
  readonly plan: Plan;
  readonly rows: readonly RowCost[];
  /** The training-only heads; not part of `total` (the deployed network has none). */
  readonly aux: readonly AuxCost[];
  readonly total: Cost;
}

const elements = (s: Shape): number => s[0] * s[1] * s[2];

export function sumCosts(parts: readonly Cost[]): Cost {
  return parts.reduce(
    (a, b) => ({
      params: a.params + b.params,
      macs: a.macs + b.macs,
      activationBytes: a.activationBytes + b.activationBytes
    }),
    { params: 0, macs: 0, activationBytes: 0 }
  );
}

/**
 * How row 1 is counted under `printed` (the note a reader sees beside its arithmetic), in the
 * edition asked for (English by default; the cost model keeps the English in `LayerCost.note`).
 */
export function separableNote(kernel: number, depthMultiplier: number, cin: number, cout: number, locale: Locale = 'en'): string {
  const mid = cin * depthMultiplier;
  return translate(locale, 'core.row1Note', { k: kernel, mult: depthMultiplier, cin, mid, cout });
}

export function layerCost(p: PlannedLayer, convention: Convention): LayerCost {
  const { layer, input, output } = p;
  let weights = 0;
  let biases = 0;
  let macFactors: number[] = [];
  let note: string | undefined;
  if (layer.op === 'conv') {
    const [oh, ow, cout] = output;
    const cin = input[2];
    const separable = convention === 'printed' ? layer.printedAsSeparable : undefined;
    if (separable) {
      const mid = cin * separable.depthMultiplier;
      weights = layer.kernel * layer.kernel * mid + mid * cout;
      note = separableNote(layer.kernel, separable.depthMultiplier, cin, cout);
      macFactors = [weights, oh, ow];
    } else {
      // Each filter of a grouped convolution sees cin / groups input channels.
      const fanIn = cin / (layer.groups ?? 1);
      if (!Number.isInteger(fanIn)) throw new RangeError(`${layer.name}: ${cin} channels do not split into ${layer.groups} groups`);
      weights = layer.kernel * layer.kernel * fanIn * cout;
      macFactors = [layer.kernel, layer.kernel, fanIn, cout, oh, ow];
    }
    biases = cout;
  } else if (layer.op === 'fc') {
    const fanIn = elements(input);
    weights = fanIn * layer.outputs;
    biases = layer.outputs;
    macFactors = [fanIn, layer.outputs];
  }
  const params = convention === 'run' ? weights + biases : weights;
  const macs = macFactors.reduce((a, b) => a * b, macFactors.length ? 1 : 0);
  return {
    name: layer.name,
    op: layer.op,
    input,
    output,
    weights,
    biases,
    params,
    macs,
    activationBytes: elements(output) * BYTES_PER_VALUE,
    rf: p.rf,
    macFactors,
    ...(note ? { note } : {})
  };
}

function moduleCost(block: Extract<PlannedRow['block'], { op: 'inception' }>, convention: Convention): ModuleCost {
  const branches = block.branches.map((b): BranchCost => {
    const layers = b.layers.map((l) => layerCost(l, convention));
    return { name: b.name, tap: b.tap, output: b.output, rf: b.rf, layers, ...sumCosts(layers) };
  });
  const inner = sumCosts(branches);
  return {
    module: block.module,
    variant: block.variant,
    tap: block.tap,
    input: block.input,
    output: block.output,
    rf: block.rf,
    branches,
    ...inner,
    // The concatenation is an output of its own.
    activationBytes: inner.activationBytes + elements(block.output) * BYTES_PER_VALUE
  };
}

function rowCost(r: PlannedRow, convention: Convention): RowCost {
  const base = {
    row: r.row.row,
    type: r.row.type,
    patch: r.row.patch,
    depth: r.row.depth,
    input: r.input,
    output: r.output,
    rf: r.rf
  };
  if (isModule(r.block)) {
    const module = moduleCost(r.block, convention);
    const layers = module.branches.flatMap((b) => b.layers);
    return { ...base, layers, module, params: module.params, macs: module.macs, activationBytes: module.activationBytes };
  }
  const layers = r.block.map((l) => layerCost(l, convention));
  return { ...base, layers, ...sumCosts(layers) };
}

export interface CostOptions extends PlanOptions {
  readonly convention?: Convention;
}

export function networkCost(options: CostOptions = {}): NetworkCost {
  const convention = options.convention ?? 'printed';
  const p = plan(options);
  const rows = p.rows.map((r) => rowCost(r, convention));
  const aux = p.aux.map((a): AuxCost => {
    const layers = a.layers.map((l) => layerCost(l, convention));
    return { name: a.head.name, after: a.head.after, layers, ...sumCosts(layers) };
  });
  return { convention, plan: p, rows, aux, total: sumCosts(rows) };
}

export interface ModuleComparison {
  readonly reduced: ModuleCost;
  readonly naive: ModuleCost;
  /** naive / reduced multiply-adds */
  readonly macRatio: number;
}

/**
 * One module, reduced and naive, fed the same input (the one it has in the given configuration):
 * the isolated comparison of Figure 2.
 */
export function compareModule(moduleName: string, options: CostOptions = {}): ModuleComparison {
  const convention = options.convention ?? 'printed';
  const p = plan({ ...options, naive: 'none' });
  const index = p.rows.findIndex(
    (r) => isModule(r.block) && (r.block.module.name === moduleName || r.block.module.id === moduleName)
  );
  const block = index >= 0 ? p.rows[index].block : undefined;
  if (!block || !isModule(block)) throw new Error(`no Inception module named ${moduleName}`);
  const rfIn = index > 0 ? p.rows[index - 1].rf : { size: 1, jump: 1 };
  const reduced = moduleCost(block, convention);
  const naive = moduleCost(planModule(block.module, 'naive', block.input, rfIn), convention);
  return { reduced, naive, macRatio: naive.macs / reduced.macs };
}
