/**
 * The architecture page's whole state as one value and its round trip through a URL query:
 * the cost settings (settings.ts, shared with Table 1) plus what only the diagram has, the
 * quantity that shades the nodes and the modules opened in place. DOM-free.
 *
 * `?layer=inception_4c/3x3&naive=all&shade=params&open=3a,4e`
 */
import { inceptionModules } from '../core/network';
import { settingsFromQuery, settingsToQuery, type CostSettings } from './settings';

/** What a node's shade and bar measure. */
export type Shade = 'macs' | 'params';

export interface ArchitectureView {
  readonly settings: CostSettings;
  readonly shade: Shade;
  /** Modules opened into their branches (`inception_4c`), beside the one holding the selection. */
  readonly open: readonly string[];
}

const MODULE_NAMES = inceptionModules().map((m) => m.name);

export interface ParsedView {
  readonly view: ArchitectureView;
  readonly errors: readonly string[];
}

export function viewFromQuery(query: URLSearchParams): ParsedView {
  const parsed = settingsFromQuery(query);
  const errors = [...parsed.errors];
  const shadeRaw = query.get('shade');
  let shade: Shade = 'macs';
  if (shadeRaw === 'params' || shadeRaw === 'macs') shade = shadeRaw;
  else if (shadeRaw !== null) errors.push(`shade=${shadeRaw}: expected macs or params`);
  const openRaw = query.get('open');
  let open: string[] = [];
  if (openRaw === 'all') open = [...MODULE_NAMES];
  else if (openRaw) {
    const names = openRaw.split(',').map((n) => (n.startsWith('inception_') ? n : `inception_${n}`));
    const unknown = names.filter((n) => !MODULE_NAMES.includes(n));
    if (unknown.length) errors.push(`open=${openRaw}: no module ${unknown.join(', ')}`);
    open = MODULE_NAMES.filter((n) => names.includes(n));
  }
  return { view: { settings: parsed.settings, shade, open }, errors };
}

/** The shortest query that restores `v`. */
export function viewToQuery(v: ArchitectureView): URLSearchParams {
  const q = settingsToQuery(v.settings);
  if (v.shade !== 'macs') q.set('shade', v.shade);
  const open = MODULE_NAMES.filter((n) => v.open.includes(n));
  if (open.length === MODULE_NAMES.length) q.set('open', 'all');
  else if (open.length) q.set('open', open.map((n) => n.replace('inception_', '')).join(','));
  return q;
}

/** The module a layer, branch tap or concatenation belongs to (`inception_4c/3x3` -> `inception_4c`). */
export function moduleOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const prefix = name.split('/')[0];
  return MODULE_NAMES.includes(prefix) && name.includes('/') ? prefix : undefined;
}

/** The modules drawn open: those the reader opened, and the one holding the selection. */
export function openModules(v: ArchitectureView): Set<string> {
  const open = new Set(v.open);
  const holder = moduleOf(v.settings.layer);
  if (holder) open.add(holder);
  return open;
}
