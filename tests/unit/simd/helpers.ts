/** Shared by the kernel tests: seeded random values, and how far two tensors' values are apart. */

/** The largest difference between two tensors' values, relative to the largest magnitude in `want` (at least 1e-3). */
export function relativeError(want: ArrayLike<number>, got: ArrayLike<number>): number {
  let scale = 1e-3;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i] as number));
    worst = Math.max(worst, Math.abs((want[i] as number) - (got[i] as number)));
  }
  return worst / scale;
}

/** A fixed pseudo-random sequence in [-scale, scale), so a failure reproduces. */
export function random(seed: number, n: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s / 2147483648 - 0.5) * 2 * scale;
  }
  return out;
}
