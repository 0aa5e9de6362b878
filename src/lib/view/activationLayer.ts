/**
 * The architecture page's activation layer, DOM-free: which feature map each node shows (so which
 * ones a single forward pass must give, whatever is opened), whether the state on show has
 * trained weights at all, and the thumbnails of all those maps, made a few maps at a time (the
 * page's thread is never held long) and packed into one sprite sheet.
 */
import { networkCost } from '../core/cost';
import { GOOGLENET, inceptionModules } from '../core/network';
import { nodeTaps, nodeThumbnails, type TapValues } from './activations';
import { diagramModel } from './diagram/model';
import { HERO_THUMBS, packSheet, type PackedHero, type SheetEntry } from './hero';
import type { CostSettings } from './settings';
import type { Locale } from '../i18n/locale';
import { translate, type MessageKey, type Params } from '../i18n/translate';

const MODULES = inceptionModules().map((m) => m.name);
const short = (module: string) => module.replace('inception_', '');

/**
 * The tap each node of the trained network's diagram reads (nodeTaps), by node id, with every
 * module and head closed and with every one open (a node keeps its id either way): one pass with
 * these taps feeds the whole diagram however it is opened. The input node has none (it is the photo).
 */
export function diagramNodeTaps(): Map<string, string> {
  const cost = networkCost();
  const taps = new Map<string, string>();
  for (const open of [new Set<string>(), new Set([...MODULES, ...GOOGLENET.aux.map((a) => a.name)])])
    for (const [id, tap] of nodeTaps(diagramModel(cost, open), cost.plan)) if (tap) taps.set(id, tap);
  return taps;
}

/** Every tap name `diagramNodeTaps` uses, once each. */
export const diagramTapNames = (): string[] => [...new Set(diagramNodeTaps().values())];

/**
 * Null when the settings describe the trained network (the weights fit it); else one plain
 * sentence saying that there are no trained weights for it, naming what differs, in the
 * edition asked for (English by default).
 */
export function untrainedMessage(s: Pick<CostSettings, 'naive' | 'overrides'>, locale: Locale = 'en'): string | null {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const parts: string[] = [];
  if (s.naive === 'all') parts.push(t('arch.untrained.all'));
  else if (s.naive.length) parts.push(t('arch.untrained.some', { list: s.naive.map(short).join(', ') }));
  const whatIf = Object.entries(s.overrides);
  if (whatIf.length) {
    const list = whatIf.map(([l, v]) => `${short(l)}: ${v}`).join(', ');
    parts.push(t(whatIf.length > 1 ? 'arch.untrained.whatIfs' : 'arch.untrained.whatIf', { list }));
  }
  if (!parts.length) return null;
  return t('arch.untrained', { what: parts.join(t('arch.untrained.and')) });
}

/** A sheet of every tap's thumbnails, keyed by tap name. */
export type TapSheet = PackedHero;

/**
 * Thumbnails of every map, on one scale per map, packed by tap name. Works for about `sliceMs`
 * at a time, then awaits `pause()` (a frame, a macrotask) before the next map; returns null as
 * soon as `cancelled()` turns true.
 */
export async function thumbnailSheet(
  maps: ReadonlyMap<string, TapValues>,
  pause: () => Promise<unknown>,
  cancelled: () => boolean,
  options: { k?: number; sliceMs?: number; now?: () => number } = {}
): Promise<TapSheet | null> {
  const { k = HERO_THUMBS, sliceMs = 12, now = () => performance.now() } = options;
  const entries: SheetEntry[] = [];
  let since = now();
  for (const [name, tap] of maps) {
    if (now() - since > sliceMs) {
      await pause();
      if (cancelled()) return null;
      since = now();
    }
    entries.push({ id: name, tap: name, shape: [tap.height, tap.width, tap.channels], thumbnails: nodeThumbnails(tap, k) });
  }
  return cancelled() ? null : packSheet(entries, k);
}
