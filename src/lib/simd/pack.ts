/**
 * Filters laid out the way the WASM kernels read them. A GEMM's B matrix is packed in panels of
 * 8 columns ([n / 8][k][8]) so one panel streams contiguously. tfjs's conv filter layout
 * [kh, kw, in, out], read row-major, is already the [kh * kw * in, out] matrix whose rows match
 * im2col's (ky, kx, c) order; an fc filter [in, out] is one too.
 */

export const PANEL = 8;

/** n rounded up to whole panels. */
export const panelled = (n: number): number => Math.ceil(n / PANEL) * PANEL;

/** Packs a row-major [k, n] matrix into [ceil(n / 8)][k][8] panels, zeros beyond column n. */
export function packPanels(b: Float32Array, k: number, n: number): Float32Array {
  if (b.length !== k * n) throw new Error(`matrix of ${b.length} values is not ${k}x${n}`);
  const out = new Float32Array(k * panelled(n));
  let o = 0;
  for (let p = 0; p < n; p += PANEL)
    for (let r = 0; r < k; r++, o += PANEL) {
      const row = r * n + p;
      for (let j = 0; j < PANEL && p + j < n; j++) out[o + j] = b[row + j] as number;
    }
  return out;
}

/** A bias padded with zeros to whole panels. */
export function packBias(bias: Float32Array): Float32Array {
  const out = new Float32Array(panelled(bias.length));
  out.set(bias);
  return out;
}

/** Rows of G for Winograd F(4x4, 3x3) (Lavin & Gray): U = G g G^T, 6x6 per filter pair. */
const G = [
  [1 / 4, 0, 0],
  [-1 / 6, -1 / 6, -1 / 6],
  [-1 / 6, 1 / 6, -1 / 6],
  [1 / 24, 1 / 12, 1 / 6],
  [1 / 24, -1 / 12, 1 / 6],
  [0, 0, 1]
] as const;

/**
 * A 3x3 filter [3, 3, in, out] transformed for Winograd F(4x4, 3x3): 36 matrices U[e] of
 * [in, out], each packed in panels (cin * panelled(cout) floats), one after the other.
 * Computed in float64.
 */
export function winogradFilters(filter: Float32Array, cin: number, cout: number): Float32Array {
  if (filter.length !== 9 * cin * cout) throw new Error(`filter of ${filter.length} values is not 3x3x${cin}x${cout}`);
  const u = Array.from({ length: 36 }, () => new Float32Array(cin * cout));
  const g = new Float64Array(9);
  const t = new Float64Array(18); // G g: 6 x 3
  for (let i = 0; i < cin; i++)
    for (let o = 0; o < cout; o++) {
      for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) g[y * 3 + x] = filter[((y * 3 + x) * cin + i) * cout + o] as number;
      for (let r = 0; r < 6; r++)
        for (let x = 0; x < 3; x++) t[r * 3 + x] = G[r]![0] * g[x]! + G[r]![1] * g[3 + x]! + G[r]![2] * g[6 + x]!;
      for (let r = 0; r < 6; r++)
        for (let s = 0; s < 6; s++) {
          const v = t[r * 3]! * G[s]![0] + t[r * 3 + 1]! * G[s]![1] + t[r * 3 + 2]! * G[s]![2];
          u[r * 6 + s]![i * cout + o] = v;
        }
    }
  const size = cin * panelled(cout);
  const out = new Float32Array(36 * size);
  u.forEach((m, e) => out.set(packPanels(m, cin, cout), e * size));
  return out;
}
