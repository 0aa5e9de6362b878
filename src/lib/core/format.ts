/**
 * How numbers are written for readers, the one place for the whole site (components, charts,
 * chapters, the CLI): grouped digits, K/M/G units, fixed decimals, percentages, ratios, shapes,
 * bytes. Two rules hold everywhere:
 *  - ops (multiply-adds, FLOPs) count in powers of 1000, always, as the paper's do (its 1.5G and
 *    row 5's 128M are 10^9 and 10^6); K = 1024 is for params only, and only where labelled;
 *  - no figure reads "−0" or "-0.0": a value that rounds to zero is written without a sign.
 * tests/unit/core/format.test.ts holds it to this, and tests/unit/core/format-sites.test.ts keeps
 * every other file from writing numbers its own way.
 * Each edition writes numbers its own way (NUMBER_STYLE): the functions that write words or signs
 * take the edition last, English by default; the units K, M, G stay in both.
 */
import type { Shape } from './plan';

export type NumberLocale = 'en' | 'ko';

interface NumberStyle {
  /** Between groups of three digits. */
  readonly group: string;
  /** Between the whole part and the decimals. */
  readonly decimal: string;
  /** A percentage from its figure: "56.5" -> "56.5%". */
  readonly percent: (figure: string) => string;
  /** A ratio from its figure: "8.34" -> "8.34×" (Korean: "8.34배"). */
  readonly times: (figure: string) => string;
  /** A count in words (see inWords). */
  readonly words: (n: number, scale: 'million' | 'billion', decimals: number) => string;
}

/** Korean counts in 만 (10^4) and 억 (10^8): 1.5 billion is 15억, 6.98 million 698만. */
function koreanWords(n: number, scale: 'million' | 'billion', decimals: number): string {
  // The same significant digits as the English: 1.50 billion -> 15.0억, 6.98 million -> 698만.
  return scale === 'billion'
    ? `${fixedIn(n / 1e8, Math.max(0, decimals - 1), 'en')}억`
    : `${groupedIn(n / 1e4, Math.max(0, decimals - 2), 'en')}만`;
}

export const NUMBER_STYLE: Record<NumberLocale, NumberStyle> = {
  en: {
    group: ',',
    decimal: '.',
    percent: (f) => `${f}%`,
    times: (f) => `${f}×`,
    words: (n, scale, decimals) => `${fixed(n / (scale === 'million' ? 1e6 : 1e9), decimals)} ${scale}`
  },
  ko: {
    group: ',',
    decimal: '.',
    percent: (f) => `${f}%`,
    times: (f) => `${f}배`,
    words: koreanWords
  }
};

export type OpsUnit = 'macs' | 'flops';
export type Kilo = 1000 | 1024;

/** A minus sign, not a hyphen. */
const MINUS = '−';

/** Whole numbers with grouped digits: 6983576 -> "6,983,576". One argument, so .map(grouped) works. */
export const grouped = (n: number): string => groupedIn(n, 0, 'en');

/** grouped() in an edition's style. */
export const groupedFor = (n: number, locale: NumberLocale): string => groupedIn(n, 0, locale);

/** Grouped digits and `decimals` places: 6983.5 -> "6,983.5" (decimals 1). */
function groupedIn(n: number, decimals: number, locale: NumberLocale): string {
  const style = NUMBER_STYLE[locale];
  const [whole, fraction] = (decimals === 0 ? fixed(Math.round(n), 0) : fixed(n, decimals)).split('.');
  const sign = whole.startsWith(MINUS) ? MINUS : '';
  const digits = whole.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  return `${sign}${digits}${fraction === undefined ? '' : style.decimal + fraction}`;
}

/** fixed() with the edition's decimal sign. */
function fixedIn(n: number, decimals: number, locale: NumberLocale): string {
  const text = fixed(n, decimals);
  return locale === 'en' ? text : text.replace('.', NUMBER_STYLE[locale].decimal);
}

export const shape = (s: Shape): string => s.join('x');

/** FLOPs count a multiply and an add separately. */
export const inUnit = (macs: number, unit: OpsUnit): number => (unit === 'flops' ? 2 * macs : macs);

/** `decimals` places, a minus sign for negatives, and never "−0.0": 0.04 -> "0.0", -0.04 -> "0.0". */
export function fixed(n: number, decimals = 1): string {
  const text = Math.abs(n).toFixed(decimals);
  return n < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** At most `digits` significant digits, trailing zeros dropped: 0.3333 -> "0.333", 120 -> "120". */
export function significant(n: number, digits = 3): string {
  const value = Number(Math.abs(n).toPrecision(digits));
  return n < 0 && value !== 0 ? `${MINUS}${value}` : String(value);
}

/** 163328 -> "159.5K" (kilo = 1024), 1582671872 -> "1.58G" (kilo = 1000). */
export function compact(n: number, kilo: Kilo = 1000, digits = 3): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let value = n;
  let i = 0;
  while (Math.abs(value) >= kilo && i < units.length - 1) {
    value /= kilo;
    i += 1;
  }
  // Rounding may carry into the next unit (999.6K -> 1000K): write it as 1M instead.
  if (i < units.length - 1 && Math.abs(Number(value.toPrecision(digits))) >= kilo) {
    value /= kilo;
    i += 1;
  }
  const text = i === 0 ? grouped(value) : significant(value, digits);
  return `${text}${units[i]}`;
}

/** Scientific notation for the very small: 0.00042 -> "4.2e-4" (no "-0" mantissa). */
export function scientific(n: number, digits = 1): string {
  if (n === 0) return fixed(0, digits);
  const [mantissa, exponent] = Math.abs(n).toExponential(digits).split('e');
  return `${n < 0 ? MINUS : ''}${mantissa}e${Number(exponent)}`;
}

/** An op count (multiply-adds or FLOPs), always in powers of 1000: 1498677248 -> "1.5G". */
export const ops = (n: number, digits = 3): string => compact(n, 1000, digits);

/** Params with the reader's K: 163328 -> "160K" (1024) or "163K" (1000). */
export const params = (n: number, kilo: Kilo, digits = 3): string => compact(n, kilo, digits);

/** A count in a fixed unit with fixed decimals, as Table 1 prints: 509440, 1024, 1 -> "497.5K". */
export function inUnits(n: number, unit: 'K' | 'M' | 'G', kilo: Kilo, decimals = 1): string {
  const power = { K: 1, M: 2, G: 3 }[unit];
  return `${fixed(n / kilo ** power, decimals)}${unit}`;
}

/** A count in words: 1498677248 -> "1.50 billion" (decimals 2); Korean "15.0억". */
export function inWords(n: number, scale: 'million' | 'billion', decimals = 2, locale: NumberLocale = 'en'): string {
  return NUMBER_STYLE[locale].words(n, scale, decimals);
}

/** A fraction as a percentage: 0.5648 -> "56.5%". */
export const percent = (fraction: number, decimals = 1, locale: NumberLocale = 'en'): string =>
  NUMBER_STYLE[locale].percent(fixedIn(fraction * 100, decimals, locale));

/** A ratio: 8.34 -> "8.34×" (Korean "8.34배"). */
export const times = (ratio: number, decimals = 2, locale: NumberLocale = 'en'): string =>
  NUMBER_STYLE[locale].times(fixedIn(ratio, decimals, locale));

/** A signed difference: "+34.5", "−0.4", and "0.0" (no sign) when it rounds to zero. */
export function signed(n: number, decimals = 1): string {
  const text = fixed(n, decimals);
  return n > 0 && Number(text) !== 0 ? `+${text}` : text;
}

/** Milliseconds: 1 decimal under 100 ms, whole above: "42.5", "180". */
export const millis = (ms: number): string => fixed(ms, ms >= 100 ? 0 : 1);

export function bytes(n: number): string {
  if (n < 1024) return `${grouped(n)} B`;
  if (n < 1024 ** 2) return `${fixed(n / 1024, 1)} KiB`;
  if (n < 1024 ** 3) return `${fixed(n / 1024 ** 2, 2)} MiB`;
  return `${fixed(n / 1024 ** 3, 2)} GiB`;
}

/** Elapsed time: "0.4 s", "12 s". */
export const seconds = (ms: number): string => (ms < 10_000 ? `${fixed(Math.max(0, ms) / 1000, 1)} s` : `${fixed(ms / 1000, 0)} s`);
