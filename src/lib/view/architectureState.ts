/**
 * The architecture page's whole state as one value and its round trip through a URL query:
 * the cost settings (settings.ts, shared with Table 1) plus what only the diagram has, the
 * quantity that shades the nodes and the modules and auxiliary heads opened in place. DOM-free.
 *
 * `?layer=inception_4c/3x3&naive=all&shade=params&open=3a,4e,loss1`; with the live session's photo
 * and the activation switch: `&image=coffee&activations=off`.
 */
import { GOOGLENET, inceptionModules } from '../core/network';
import { DEFAULT_VIEW, SAMPLE_IDS, type SampleId } from './live/query';
import { expectedText, settingsFromQuery, settingsToQuery, type CostSettings } from './settings';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

/** What a node's shade and bar measure. */
export type Shade = 'macs' | 'params';

export interface ArchitectureView {
  readonly settings: CostSettings;
  readonly shade: Shade;
  /**
   * Modules opened into their branches (`inception_4c`) and auxiliary heads opened into their
   * layers (`loss1`), beside the one holding the selection.
   */
  readonly open: readonly string[];
  /** The activations drawn in the diagram (absent: on, the default). */
  readonly activations?: boolean;
}

const DEFAULT_IMAGE = DEFAULT_VIEW.image;
const MODULE_NAMES = inceptionModules().map((m) => m.name);
const AUX_HEAD_NAMES = GOOGLENET.aux.map((a) => a.name);
/** Everything that opens in place, in the order the address lists it. */
const OPENABLE = [...MODULE_NAMES, ...AUX_HEAD_NAMES];

export interface ParsedView {
  readonly view: ArchitectureView;
  /** The sample photo the address names (absent: none named, the session's photo stays). */
  readonly image?: SampleId;
  readonly errors: readonly string[];
}

/** `3a` and `inception_3a` name a module, `loss1` a head, `all` every module (not the heads). */
function openFromQuery(raw: string): { open: string[]; unknown: string[] } {
  const open = new Set<string>();
  const unknown: string[] = [];
  for (const n of raw.split(',')) {
    const names = n === 'all' ? MODULE_NAMES : [n, `inception_${n}`].filter((m) => OPENABLE.includes(m));
    if (names.length === 0) unknown.push(n); // as the reader wrote it
    names.forEach((m) => open.add(m));
  }
  return { open: OPENABLE.filter((n) => open.has(n)), unknown };
}

/** The view a query describes; what it refuses is said in `locale` (English by default). */
export function viewFromQuery(query: URLSearchParams, locale: Locale = 'en'): ParsedView {
  const parsed = settingsFromQuery(query, locale);
  const errors = [...parsed.errors];
  const shadeRaw = query.get('shade');
  let shade: Shade = 'macs';
  if (shadeRaw === 'params' || shadeRaw === 'macs') shade = shadeRaw;
  else if (shadeRaw !== null) errors.push(expectedText(locale, 'shade', shadeRaw, ['macs', 'params']));
  const openRaw = query.get('open');
  let open: string[] = [];
  if (openRaw) {
    const read = openFromQuery(openRaw);
    if (read.unknown.length) errors.push(translate(locale, 'core.query.open', { raw: openRaw, list: read.unknown.join(', ') }));
    open = read.open;
  }
  const actRaw = query.get('activations');
  let activations = true;
  if (actRaw === 'off') activations = false;
  else if (actRaw !== null && actRaw !== 'on') errors.push(expectedText(locale, 'activations', actRaw, ['on', 'off']));
  const imageRaw = query.get('image');
  const image = SAMPLE_IDS.find((s) => s === imageRaw);
  if (imageRaw !== null && !image) errors.push(translate(locale, 'core.query.image', { raw: imageRaw, list: SAMPLE_IDS.join(', ') }));
  return { view: { settings: parsed.settings, shade, open, ...(activations ? {} : { activations }) }, ...(image ? { image } : {}), errors };
}

/** The shortest query that restores `v` (and the session's photo, when it is a sample). */
export function viewToQuery(v: ArchitectureView, image: SampleId | null = null): URLSearchParams {
  const q = settingsToQuery(v.settings);
  if (v.shade !== 'macs') q.set('shade', v.shade);
  const modules = MODULE_NAMES.filter((n) => v.open.includes(n));
  const heads = AUX_HEAD_NAMES.filter((n) => v.open.includes(n));
  const written = modules.length === MODULE_NAMES.length ? ['all'] : modules.map((n) => n.replace('inception_', ''));
  if (written.length + heads.length) q.set('open', [...written, ...heads].join(','));
  if (v.activations === false) q.set('activations', 'off');
  // The default photo goes unwritten: a fresh visit shows it anyway.
  if (image && image !== DEFAULT_IMAGE) q.set('image', image);
  return q;
}

/** Whether a name is an auxiliary head's (`loss1`). */
export const isAuxHead = (name: string): boolean => AUX_HEAD_NAMES.includes(name);

/** The module a layer, branch tap or concatenation belongs to (`inception_4c/3x3` -> `inception_4c`). */
export function moduleOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const prefix = name.split('/')[0];
  return MODULE_NAMES.includes(prefix) && name.includes('/') ? prefix : undefined;
}

/** The auxiliary head a layer belongs to (`loss1/fc` -> `loss1`). */
export function auxHeadOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const prefix = name.split('/')[0];
  return AUX_HEAD_NAMES.includes(prefix) && name.includes('/') ? prefix : undefined;
}

/** What a selection sits inside and opens in place: its module or its auxiliary head. */
export const holderOf = (name: string | undefined): string | undefined => moduleOf(name) ?? auxHeadOf(name);

/** The modules and heads drawn open: those the reader opened, and the one holding the selection. */
export function openInPlace(v: ArchitectureView): Set<string> {
  const open = new Set(v.open);
  const holder = holderOf(v.settings.layer);
  if (holder) open.add(holder);
  return open;
}
