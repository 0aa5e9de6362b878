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

/** Outputs per tile side on 6x6 tiles, by filter size: F(4x4, 3x3) and F(2x2, 5x5). */
export const WINOGRAD_STEP: Readonly<Record<number, number>> = { 3: 4, 5: 2 };

/** Winograd's interpolation points (with infinity as the sixth), shared by F(4x4, 3x3) and F(2x2, 5x5). */
const POINTS: readonly number[] = [0, 1, -1, 2, -2];

/**
 * G for an r-tap filter on 6x6 tiles (U = G g G^T, 6x6 per filter pair): row j is p_j^k over
 * the product of (p_j - p_l) for the other points; the last row (infinity) keeps the last tap.
 * For r = 3 this is Lavin & Gray's F(4x4, 3x3) matrix: (1/4 0 0), (-1/6 -1/6 -1/6), ...
 */
export function winogradG(r: number): number[][] {
  const rows = POINTS.map((p, j) => {
    const norm = POINTS.reduce<number>((n, q, l) => (l === j ? n : n * (p - q)), 1);
    return Array.from({ length: r }, (_, k) => p ** k / norm);
  });
  return [...rows, Array.from({ length: r }, (_, k) => (k === r - 1 ? 1 : 0))];
}

/**
 * An r x r filter [r, r, in, out] (r = 3 or 5) transformed for Winograd on 6x6 tiles: 36
 * matrices U[e] of [in, out], each packed in panels (cin * panelled(cout) floats), one after
 * the other. Computed in float64.
 */
export function winogradFilters(filter: Float32Array, r: number, cin: number, cout: number): Float32Array {
  if (filter.length !== r * r * cin * cout) throw new Error(`filter of ${filter.length} values is not ${r}x${r}x${cin}x${cout}`);
  const G = winogradG(r);
  const u = Array.from({ length: 36 }, () => new Float32Array(cin * cout));
  const g = new Float64Array(r * r);
  const t = new Float64Array(6 * r); // G g: 6 x r
  for (let i = 0; i < cin; i++)
    for (let o = 0; o < cout; o++) {
      for (let y = 0; y < r; y++) for (let x = 0; x < r; x++) g[y * r + x] = filter[((y * r + x) * cin + i) * cout + o] as number;
      for (let a = 0; a < 6; a++)
        for (let x = 0; x < r; x++) {
          let sum = 0;
          for (let k = 0; k < r; k++) sum += G[a]![k]! * g[k * r + x]!;
          t[a * r + x] = sum;
        }
      for (let a = 0; a < 6; a++)
        for (let b = 0; b < 6; b++) {
          let sum = 0;
          for (let k = 0; k < r; k++) sum += t[a * r + k]! * G[b]![k]!;
          u[a * 6 + b]![i * cout + o] = sum;
        }
    }
  const size = cin * panelled(cout);
  const out = new Float32Array(36 * size);
  u.forEach((m, e) => out.set(packPanels(m, cin, cout), e * size));
  return out;
}
