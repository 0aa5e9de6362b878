/** How numbers are written for readers: grouped digits, K/M/G units, shapes, bytes. */
import type { Shape } from './plan';

export type OpsUnit = 'macs' | 'flops';
export type Kilo = 1000 | 1024;

export const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

export const shape = (s: Shape): string => s.join('x');

/** FLOPs count a multiply and an add separately. */
export const inUnit = (macs: number, unit: OpsUnit): number => (unit === 'flops' ? 2 * macs : macs);

/** 163328 -> "159.5K" (kilo = 1024), 1582671872 -> "1.58G" (kilo = 1000). */
export function compact(n: number, kilo: Kilo = 1000, digits = 3): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let value = n;
  let i = 0;
  while (Math.abs(value) >= kilo && i < units.length - 1) {
    value /= kilo;
    i += 1;
  }
  const text = i === 0 ? String(Math.round(value)) : Number(value.toPrecision(digits)).toString();
  return `${text}${units[i]}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 ** 2).toFixed(2)} MiB`;
}

/** A signed difference with a fixed number of decimals: "+34.5", "-0.4". */
export const signed = (n: number, decimals = 1): string => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(decimals)}`;

/** Elapsed time: "0.4 s", "12 s". */
export const seconds = (ms: number): string => (ms < 10_000 ? `${(Math.max(0, ms) / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);
