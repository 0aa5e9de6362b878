/**
 * The numbers behind the architecture page's charts, read off the cost model: multiply-adds per
 * Table 1 row for the reduced and the naive network, cumulative params and multiply-adds through
 * depth, and each branch's share of its module. DOM-free; the charts only draw them.
 */
import type { NetworkCost, RowCost } from '../core/cost';
import type { BranchName } from '../core/inception';
import type { Shade } from './architectureState';

/** A short name for a Table 1 row: `conv1`, `pool2`, `3a`, `avg pool`, `linear`. */
export function rowLabel(r: RowCost): string {
  if (r.module) return r.module.module.id;
  const stem = r.layers[0].name.split('/')[0];
  if (r.type === 'convolution' || r.type === 'max pool') return stem;
  return r.type.replace(/ \(.*\)$/, '');
}

export interface RowMacs {
  readonly row: number;
  readonly label: string;
  readonly reduced: number;
  readonly naive: number;
  /** The network as the reader has it (may mix naive and reduced modules). */
  readonly current: number;
}

/** Rows that multiply-add anything, in any of the three networks. */
export function macsByRow(reduced: NetworkCost, naive: NetworkCost, current: NetworkCost): RowMacs[] {
  return current.rows
    .map((r, i) => ({ row: r.row, label: rowLabel(r), reduced: reduced.rows[i].macs, naive: naive.rows[i].macs, current: r.macs }))
    .filter((r) => r.reduced + r.naive + r.current > 0);
}

export interface DepthPoint {
  readonly row: number;
  readonly label: string;
  readonly params: number;
  readonly macs: number;
}

/** Running totals after each Table 1 row. */
export function cumulative(cost: NetworkCost): DepthPoint[] {
  let params = 0;
  let macs = 0;
  return cost.rows.map((r) => {
    params += r.params;
    macs += r.macs;
    return { row: r.row, label: rowLabel(r), params, macs };
  });
}

export interface BranchShare {
  readonly module: string;
  readonly branch: BranchName;
  readonly value: number;
  /** Fraction of the module's total (0 when the module costs nothing in this measure). */
  readonly share: number;
}

/** Each branch's share of its module, module by module, by params or multiply-adds. */
export function branchShares(cost: NetworkCost, shade: Shade): BranchShare[] {
  return cost.rows.flatMap((r) => {
    const m = r.module;
    if (!m) return [];
    const total = m[shade];
    return m.branches.map((b) => ({ module: m.module.id, branch: b.name, value: b[shade], share: total ? b[shade] / total : 0 }));
  });
}
