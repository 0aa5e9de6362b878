/**
 * How the architecture page writes a cost for the reader, under their unit (multiply-adds or
 * FLOPs) and their K for params (1000 or 1024): one place, so the diagram, the details, the charts and
 * the summary agree. DOM-free.
 */
import type { Cost } from '../core/cost';
import { inUnit, ops, params, type Kilo, type OpsUnit } from '../core/format';
import type { Shade } from './architectureState';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

export interface Units {
  readonly unit: OpsUnit;
  readonly kilo: Kilo;
}

/** `multiply-adds` or `FLOPs` (in the edition asked for; English by default). */
export const opsName = (unit: OpsUnit, locale: Locale = 'en'): string =>
  translate(locale, unit === 'flops' ? 'diagram.unit.flops' : 'diagram.unit.macs');
/** The short form: `MACs` or `FLOPs`. */
export const opsShort = (unit: OpsUnit): string => (unit === 'flops' ? 'FLOPs' : 'MACs');

/**
 * `86.7M` in the reader's unit. Ops always count in powers of 1000, as the paper's do (its
 * 1.5G and row 5's 128M are M = 10^6); K = 1024 is the paper's convention for params only.
 */
export const opsText = (macs: number, u: Units): string => ops(inUnit(macs, u.unit));
/** `159.5K` with the reader's K. */
export const paramsText = (n: number, u: Units): string => params(n, u.kilo);

/** The shaded quantity of a cost (multiply-adds shade in the reader's unit). */
export const shadeValue = (c: Cost, shade: Shade): number => (shade === 'params' ? c.params : c.macs);

/** `86.7M MACs` or `110.7K params` (Korean `매개변수 110.7K`). */
export function shadeText(c: Cost, shade: Shade, u: Units, locale: Locale = 'en'): string {
  return shade === 'params'
    ? translate(locale, 'diagram.sum.params', { n: paramsText(c.params, u) })
    : `${opsText(c.macs, u)} ${opsShort(u.unit)}`;
}

/** `43×43, stride 8` (pixels of the input image) */
export const rfText = (rf: { size: number; jump: number }, locale: Locale = 'en'): string =>
  translate(locale, 'diagram.rf', { size: rf.size, jump: rf.jump });

/** `14×14×512` */
export const shapeText = (s: readonly number[]): string => s.join('×');
