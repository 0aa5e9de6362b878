/**
 * The reader's view of the costs (convention, naive modules, unit, K, what-if filter counts,
 * selected layer) as one plain value, and its round trip through a URL query, so that every
 * state of the Table 1 page and the diagram is a link. DOM-free: URLSearchParams only.
 */
import { CONVENTIONS, type Convention } from '../core/cost';
import type { Kilo, OpsUnit } from '../core/format';
import { inceptionModules } from '../core/network';
import { checkOverrides, type Overrides } from '../core/whatif';
import type { Locale } from '../i18n/locale';
import { translate, type MessageKey, type Params } from '../i18n/translate';

export interface CostSettings {
  readonly convention: Convention;
  /** 'all', or the names of the naive modules (`inception_4c`); empty = the paper's network. */
  readonly naive: 'all' | readonly string[];
  readonly unit: OpsUnit;
  readonly kilo: Kilo;
  readonly overrides: Overrides;
  /** A layer, branch tap or module name, e.g. `inception_4c/3x3`. */
  readonly layer?: string;
}

export const DEFAULT_SETTINGS: CostSettings = {
  convention: 'printed',
  naive: [],
  unit: 'macs',
  kilo: 1024,
  overrides: {}
};

const MODULE_NAMES = inceptionModules().map((m) => m.name);

/** What the cost model takes from the settings. */
export const costOptions = (s: CostSettings) => ({
  convention: s.convention,
  naive: s.naive,
  overrides: s.overrides
});

export const isNaive = (s: CostSettings, moduleName: string): boolean =>
  s.naive === 'all' || s.naive.includes(moduleName);

/** Sets one module (or, with `all`, every module) naive or reduced. */
export function withNaive(s: CostSettings, moduleName: string | 'all', naive: boolean): CostSettings {
  if (moduleName === 'all') return { ...s, naive: naive ? 'all' : [] };
  const current = s.naive === 'all' ? MODULE_NAMES : s.naive;
  const next = MODULE_NAMES.filter((m) => (m === moduleName ? naive : current.includes(m)));
  return { ...s, naive: next.length === MODULE_NAMES.length ? 'all' : next };
}

export interface ParsedSettings {
  readonly settings: CostSettings;
  /** Parts of the query that were refused, each with its reason (the rest still applies). */
  readonly errors: readonly string[];
}

/** `key=raw: expected a or b`, in the edition asked for. */
export const expectedText = (locale: Locale, key: string, raw: string, choices: readonly (string | number)[]): string =>
  translate(locale, 'core.query.expected', { key, raw, choices: choices.join(translate(locale, 'core.query.or')) });

/**
 * Reads settings from a query such as `?convention=run&naive=all&set=inception_4c/3x3:300`; what
 * it refuses is said in `locale` (English by default).
 */
export function settingsFromQuery(query: URLSearchParams, locale: Locale = 'en'): ParsedSettings {
  const errors: string[] = [];
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const pick = <T extends string | number>(key: string, choices: readonly T[], fallback: T): T => {
    const raw = query.get(key);
    if (raw === null) return fallback;
    const found = choices.find((c) => String(c) === raw);
    if (found === undefined) errors.push(expectedText(locale, key, raw, choices));
    return found ?? fallback;
  };
  const naiveRaw = query.get('naive');
  let naive: CostSettings['naive'] = [];
  if (naiveRaw === 'all') naive = 'all';
  else if (naiveRaw) {
    const names = naiveRaw.split(',').map((n) => (n.startsWith('inception_') ? n : `inception_${n}`));
    const unknown = names.filter((n) => !MODULE_NAMES.includes(n));
    if (unknown.length) errors.push(t('core.query.noModule', { raw: naiveRaw, list: unknown.join(', ') }));
    naive = names.filter((n) => MODULE_NAMES.includes(n));
  }
  const raw: Record<string, string> = {};
  for (const entry of query.getAll('set')) {
    const at = entry.lastIndexOf(':');
    if (at < 1) errors.push(t('core.query.set', { entry }));
    else raw[entry.slice(0, at)] = entry.slice(at + 1);
  }
  // Overrides are all-or-nothing per entry: check each on its own so one typo loses only itself.
  const overrides: Record<string, number> = {};
  for (const [layer, value] of Object.entries(raw)) {
    const checked = checkOverrides({ [layer]: value }, locale);
    if (checked.ok) Object.assign(overrides, checked.value);
    else errors.push(checked.error);
  }
  const layer = query.get('layer') ?? undefined;
  return {
    settings: {
      convention: pick('convention', CONVENTIONS, DEFAULT_SETTINGS.convention),
      naive,
      unit: pick('unit', ['macs', 'flops'] as const, DEFAULT_SETTINGS.unit),
      kilo: pick('k', [1024, 1000] as const, DEFAULT_SETTINGS.kilo),
      overrides,
      ...(layer ? { layer } : {})
    },
    errors
  };
}

/** The shortest query that restores `s` (defaults are left out). */
export function settingsToQuery(s: CostSettings): URLSearchParams {
  const q = new URLSearchParams();
  if (s.layer) q.set('layer', s.layer);
  if (s.convention !== DEFAULT_SETTINGS.convention) q.set('convention', s.convention);
  if (s.naive === 'all') q.set('naive', 'all');
  else if (s.naive.length) q.set('naive', s.naive.map((n) => n.replace('inception_', '')).join(','));
  if (s.unit !== DEFAULT_SETTINGS.unit) q.set('unit', s.unit);
  if (s.kilo !== DEFAULT_SETTINGS.kilo) q.set('k', String(s.kilo));
  for (const [layer, value] of Object.entries(s.overrides)) q.append('set', `${layer}:${value}`);
  return q;
}
