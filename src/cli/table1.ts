/**
 * `cli table1`: Table 1 recomputed from the description, as JSON (one object per row) or as a
 * readable table that puts the printed value beside the recomputed one.
 */
import { CONVENTIONS } from '../lib/core/cost';
import { grouped, shape } from '../lib/core/format';
import { table1, type PrintedCheck, type Table1, type Table1Entry } from '../lib/core/table1';
import { checkOverrides } from '../lib/core/whatif';
import { oneOf, parse, UsageError } from './args';

export const usage = 'table1 [--json] [--convention printed|run] [--naive] [--set LAYER=FILTERS]...';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    json: { type: 'boolean' },
    convention: { type: 'string' },
    naive: { type: 'boolean' },
    set: { type: 'string', multiple: true }
  });
  const convention = oneOf('--convention', values.convention, CONVENTIONS, 'printed');
  const overrides = checkOverrides(Object.fromEntries((values.set ?? []).map(splitAssignment)));
  if (!overrides.ok) throw new UsageError(overrides.error);
  const table = table1({ convention, naive: values.naive ? 'all' : 'none', overrides: overrides.value });
  process.stdout.write(values.json ? toJson(table) : toText(table));
  return 0;
}

function splitAssignment(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at < 1) throw new UsageError(`--set expects LAYER=FILTERS, e.g. inception_4c/3x3=300, not "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function toJson(table: Table1): string {
  const rows = table.rows.map((r) => ({
    row: r.row,
    type: r.type,
    patch: r.patch,
    output: r.output,
    depth: r.depth,
    ...(r.filters ? { filters: r.filters } : {}),
    ...(r.variant ? { variant: r.variant } : {}),
    params: r.params,
    ops: r.ops,
    activationBytes: r.activationBytes,
    receptiveField: r.receptiveField,
    printed: { params: r.check.params?.printed ?? null, ops: r.check.ops?.printed ?? null },
    agrees: { params: r.check.params?.agrees ?? null, ops: r.check.ops?.agrees ?? null }
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

const pad = (s: string, n: number, right = false): string => (right ? s.padStart(n) : s.padEnd(n));

function cell(c: PrintedCheck | undefined): string {
  if (!c) return '';
  const diff = Math.abs(c.difference) < 0.05 ? '' : ` (${c.difference > 0 ? '+' : ''}${c.difference.toFixed(1)})`;
  return `${c.printed} ${c.agrees ? 'ok' : 'DIFFERS'}${diff}`;
}

function line(r: Table1Entry): string {
  return [
    pad(String(r.row), 3, true),
    pad(r.type, 15),
    pad(r.patch, 6),
    pad(shape(r.output), 11),
    pad(grouped(r.params), 11, true),
    pad(cell(r.check.params), 22),
    pad(grouped(r.ops), 14, true),
    cell(r.check.ops)
  ].join('  ');
}

function toText(table: Table1): string {
  const head = [
    pad('#', 3, true),
    pad('type', 15),
    pad('patch', 6),
    pad('output', 11),
    pad('params', 11, true),
    pad('printed (K=1024)', 22),
    pad('multiply-adds', 14, true),
    'printed (M=10^6)'
  ].join('  ');
  const differing = table.rows.filter((r) => r.check.params?.agrees === false || r.check.ops?.agrees === false);
  return [
    `Table 1, counted as ${table.convention === 'printed' ? 'printed (weights only, row 1 separable)' : 'run (the real network: weights + biases)'}`,
    head,
    ...table.rows.map(line),
    `total: ${grouped(table.total.params)} params, ${grouped(table.total.ops)} multiply-adds`,
    differing.length
      ? `rows where the printed figure is not the recomputed one: ${differing.map((r) => r.row).join(', ')}`
      : 'every printed figure matches its recomputed value',
    ''
  ].join('\n');
}
