/**
 * What-if filter counts: a reader (or a script) sets any convolution's filter count by its layer
 * name, and everything recomputes through the same plan. Values are checked here, once, for the
 * page and the command line alike.
 */
import { FILTER_SUFFIX } from './inception';
import { FILTER_KEYS, GOOGLENET, isInception, type Network } from './network';
import type { Locale } from '../i18n/locale';
import { translate, type MessageKey } from '../i18n/translate';

/** Past this, a layer stops being a what-if and becomes a typo (4096 is 4x the widest in the paper). */
export const MAX_FILTERS = 4096;

export type Overrides = Readonly<Record<string, number>>;

/** Every layer name whose filter count can be overridden, in network order. */
export function overridableLayers(net: Network = GOOGLENET): string[] {
  return net.rows.flatMap((r) =>
    isInception(r.block)
      ? FILTER_KEYS.map((k) => `${(r.block as { name: string }).name}/${FILTER_SUFFIX[k]}`)
      : r.block.filter((l) => l.op === 'conv').map((l) => l.name)
  );
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const PART: Readonly<Record<string, MessageKey>> = {
  '1x1': 'core.part.1x1',
  '3x3_reduce': 'core.part.3x3reduce',
  '3x3': 'core.part.3x3',
  '5x5_reduce': 'core.part.5x5reduce',
  '5x5': 'core.part.5x5',
  pool_proj: 'core.part.poolProj'
};

/**
 * A layer as a reader names it from Table 1 and Figure 3: `inception_4c/3x3` -> `4c, 3×3 branch`,
 * `conv2/3x3_reduce` -> `conv2, 3×3 reduce`. Names it does not know come back as they are.
 */
export function layerTitle(layer: string, locale: Locale = 'en'): string {
  const module = /^inception_(\w+)\/(\w+)$/.exec(layer);
  const part = module ? PART[module[2]] : undefined;
  if (module && part) return `${module[1]}, ${translate(locale, part)}`;
  const conv = /^(conv\d)\/(\d)x\d(_reduce|_s(\d))?$/.exec(layer);
  if (conv) {
    const [, stem, k, tail, stride] = conv;
    return tail === '_reduce' ? `${stem}, ${translate(locale, 'core.part.reduce', { k: `${k}×${k}` })}` : `${stem}, ${k}×${k}${stride ? `/${stride}` : ''}`;
  }
  return layer;
}

/** `4c, 3×3 branch (inception_4c/3x3)`: the reader's name first, the Caffe name (the one the address and the CLI take) after. */
export const layerTitleWithName = (layer: string, locale: Locale = 'en'): string => {
  const title = layerTitle(layer, locale);
  return title === layer ? layer : `${title} (${layer})`;
};

/**
 * Checks one filter count given as typed (a string from an input, a URL or argv) or as a number.
 * A refusal starts with `as` (default: the layer's Caffe name, as the address and the CLI spell it)
 * and is written in `locale` (English by default, as the CLI prints it).
 */
export function checkFilterCount(layer: string, raw: string | number, as: string = layer, locale: Locale = 'en'): Checked<number> {
  const text = String(raw).trim();
  const fail = (key: MessageKey): Checked<number> => ({
    ok: false,
    error: translate(locale, key, { as, text, max: MAX_FILTERS })
  });
  if (text === '') return fail('core.filters.empty');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return fail('core.filters.notNumber');
  const value = Number(text);
  if (!Number.isInteger(value)) return fail('core.filters.notWhole');
  if (value < 1) return fail(value === 0 ? 'core.filters.zero' : 'core.filters.negative');
  if (value > MAX_FILTERS) return fail('core.filters.tooLarge');
  return { ok: true, value };
}

/** Checks a whole set of overrides; the first problem wins, and nothing is applied on failure. */
export function checkOverrides(raw: Readonly<Record<string, string | number>>, locale: Locale = 'en'): Checked<Overrides> {
  const known = new Set(overridableLayers());
  const out: Record<string, number> = {};
  for (const [layer, value] of Object.entries(raw)) {
    if (!known.has(layer)) return { ok: false, error: translate(locale, 'core.filters.unknown', { layer }) };
    const checked = checkFilterCount(layer, value, layer, locale);
    if (!checked.ok) return checked;
    out[layer] = checked.value;
  }
  return { ok: true, value: out };
}
