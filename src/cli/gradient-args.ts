/** Flag checks shared by `visualize`, `dream` and `attribute`: integers in a range, the engine, the output path. */
import type { NodeEngine } from '../lib/node/session';
import { oneOf, UsageError } from './args';

/** The engines that have gradients (the own WASM kernels have no backward pass). */
export const GRADIENT_ENGINES: readonly NodeEngine[] = ['tfjs-wasm', 'cpu'];

export function gradientEngine(value: string | undefined): NodeEngine {
  return oneOf('--backend', value, GRADIENT_ENGINES, 'tfjs-wasm');
}

/** An integer flag in [lo, hi], or the fallback when absent; refused with the range named. */
export function intIn(flag: string, value: string | undefined, lo: number, hi: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`${flag} is required (an integer from ${lo} to ${hi})`);
    return fallback;
  }
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || n < lo || n > hi) throw new UsageError(`${flag} ${value} is out of range: expected an integer from ${lo} to ${hi}`);
  return n;
}

export function outPath(value: string | undefined): string {
  if (!value) throw new UsageError('--out F.png is required');
  if (!/\.png$/i.test(value)) throw new UsageError(`--out ${value}: the output is a PNG file (name ending in .png)`);
  return value;
}
