/**
 * Table 1 as a reader sees it: one entry per printed row, recomputed from the description under
 * the chosen configuration, with the paper's printed figures beside and a verdict on each.
 */
import { networkCost, type Convention, type CostOptions, type RowCost } from './cost';
import { FILTER_KEYS, type InceptionFilters } from './network';
import { PRINTED_TABLE1, PRINTED_UNITS, parsePrinted } from './printed';
import type { Shape } from './plan';

/** The printed figure against the recomputed one, in the printed unit. */
export interface PrintedCheck {
  readonly printed: string;
  /** The recomputed value in the printed unit (K = 1024 params, M = 10^6 ops). */
  readonly recomputed: number;
  /** recomputed - printed, in the printed unit. */
  readonly difference: number;
  /**
   * True when the printed figure is the recomputed one rounded or cut to the printed digits,
   * i.e. they are less than one unit of the last printed digit apart.
   */
  readonly agrees: boolean;
}

export interface Table1Entry {
  readonly row: number;
  readonly type: string;
  readonly patch: string;
  readonly output: Shape;
  readonly depth: number;
  /** The six filter counts in force (Inception rows), or row 3's reduce and 3x3 counts. */
  readonly filters?: Partial<InceptionFilters>;
  readonly variant?: 'reduced' | 'naive';
  /** Weights (plus biases under `run`) */
  readonly params: number;
  /** Multiply-adds */
  readonly ops: number;
  readonly activationBytes: number;
  readonly receptiveField: number;
  readonly check: { readonly params?: PrintedCheck; readonly ops?: PrintedCheck };
}

export interface Table1 {
  readonly convention: Convention;
  readonly rows: readonly Table1Entry[];
  readonly total: { readonly params: number; readonly ops: number; readonly activationBytes: number };
}

export function checkPrinted(printed: string, exact: number, unit: number): PrintedCheck {
  const p = parsePrinted(printed);
  const recomputed = exact / unit;
  const difference = recomputed - p.value;
  // Under one step covers both rounding (128.05 -> 128) and cutting (159.5 -> 159, 73.6 -> 73).
  return { printed, recomputed, difference, agrees: Math.abs(difference) < p.step };
}

function convFilters(r: RowCost): Partial<InceptionFilters> | undefined {
  // Only row 3 (1x1 reduce, then 3x3) fills filter columns outside the Inception rows.
  const convs = r.layers.filter((l) => l.op === 'conv');
  if (convs.length === 2) return { n3x3reduce: convs[0].output[2], n3x3: convs[1].output[2] };
  return undefined;
}

function entry(r: RowCost): Table1Entry {
  const printed = PRINTED_TABLE1[r.row] ?? {};
  const filters = r.module
    ? Object.fromEntries(FILTER_KEYS.map((k) => [k, r.module!.module.filters[k]]))
    : convFilters(r);
  return {
    row: r.row,
    type: r.type,
    patch: r.patch,
    output: r.output,
    depth: r.depth,
    ...(filters ? { filters } : {}),
    ...(r.module ? { variant: r.module.variant } : {}),
    params: r.params,
    ops: r.macs,
    activationBytes: r.activationBytes,
    receptiveField: r.rf.size,
    check: {
      ...(printed.params ? { params: checkPrinted(printed.params, r.params, PRINTED_UNITS.params) } : {}),
      ...(printed.ops ? { ops: checkPrinted(printed.ops, r.macs, PRINTED_UNITS.ops) } : {})
    }
  };
}

export function table1(options: CostOptions = {}): Table1 {
  const cost = networkCost(options);
  return {
    convention: cost.convention,
    rows: cost.rows.map(entry),
    total: { params: cost.total.params, ops: cost.total.macs, activationBytes: cost.total.activationBytes }
  };
}
