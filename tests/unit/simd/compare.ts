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
