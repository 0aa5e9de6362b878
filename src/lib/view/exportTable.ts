/**
 * The current network as a table to take away, one row per layer (as Netscope's export does):
 * name, type, where it sits, input and output shape, params, multiply-adds, activation bytes and
 * receptive field; then CSV and JSON texts of it. DOM-free (the page makes the Blob).
 */
import type { LayerCost, NetworkCost } from '../core/cost';
import { shape } from '../core/format';
import type { CostSettings } from './settings';

export interface ExportRow {
  readonly name: string;
  /** The layer's op (`conv`, `maxpool`, `fc`, …), or `concat` for a module's output. */
  readonly type: string;
  /** `main`, or `aux` for the training-only heads (not in the totals). */
  readonly part: 'main' | 'aux';
  /** Table 1 row, for the main network. */
  readonly row: number | null;
  readonly module: string;
  readonly branch: string;
  readonly input: string;
  readonly output: string;
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
  /** Receptive field side on the input image (px) and the stride between neighbours. */
  readonly rf: number;
  readonly rfJump: number;
}

const fromLayer = (l: LayerCost, rest: Pick<ExportRow, 'part' | 'row' | 'module' | 'branch'>): ExportRow => ({
  name: l.name,
  type: l.op,
  ...rest,
  input: shape(l.input),
  output: shape(l.output),
  params: l.params,
  macs: l.macs,
  activationBytes: l.activationBytes,
  rf: l.rf.size,
  rfJump: l.rf.jump
});

/** Every layer in execution order, each module's concatenation after its branches, then the aux heads. */
export function exportRows(cost: NetworkCost): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const r of cost.rows) {
    const m = r.module;
    if (!m) {
      for (const l of r.layers) rows.push(fromLayer(l, { part: 'main', row: r.row, module: '', branch: '' }));
      continue;
    }
    for (const b of m.branches)
      for (const l of b.layers) rows.push(fromLayer(l, { part: 'main', row: r.row, module: m.module.name, branch: b.name }));
    const inner = m.branches.reduce((s, b) => s + b.activationBytes, 0);
    rows.push({
      name: m.tap,
      type: 'concat',
      part: 'main',
      row: r.row,
      module: m.module.name,
      branch: '',
      input: m.branches.map((b) => b.output[2]).join('+'),
      output: shape(m.output),
      params: 0,
      macs: 0,
      activationBytes: m.activationBytes - inner,
      rf: m.rf.size,
      rfJump: m.rf.jump
    });
  }
  for (const a of cost.aux)
    for (const l of a.layers) rows.push(fromLayer(l, { part: 'aux', row: null, module: a.after, branch: '' }));
  return rows;
}

const COLUMNS: readonly [keyof ExportRow, string][] = [
  ['name', 'name'],
  ['type', 'type'],
  ['part', 'part'],
  ['row', 'table1_row'],
  ['module', 'module'],
  ['branch', 'branch'],
  ['input', 'input_shape'],
  ['output', 'output_shape'],
  ['params', 'params'],
  ['macs', 'macs'],
  ['activationBytes', 'activation_bytes'],
  ['rf', 'receptive_field'],
  ['rfJump', 'rf_stride']
];

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.map(([, h]) => h).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([k]) => csvField(r[k])).join(','));
  return `${lines.join('\n')}\n`;
}

export function toJson(cost: NetworkCost, settings: CostSettings): string {
  return `${JSON.stringify(
    {
      network: cost.plan.network.name,
      convention: cost.convention,
      naive: settings.naive,
      overrides: settings.overrides,
      units: { params: 'count', macs: 'multiply-adds (FLOPs = 2 x macs)', activationBytes: 'bytes (float32)' },
      total: cost.total,
      layers: exportRows(cost)
    },
    null,
    2
  )}\n`;
}

/** A file name that says what configuration it holds. */
export function exportFileName(settings: CostSettings, ext: 'csv' | 'json'): string {
  const parts = ['googlenet', settings.convention];
  if (settings.naive === 'all') parts.push('naive');
  else if (settings.naive.length) parts.push(`naive-${settings.naive.map((n) => n.replace('inception_', '')).join('-')}`);
  if (Object.keys(settings.overrides).length) parts.push('whatif');
  return `${parts.join('-')}.${ext}`;
}
