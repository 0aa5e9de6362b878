/**
 * Winograd convolution (Lavin & Gray 2015) on 6x6 input tiles, stride 1, 'same' padding:
 * F(4x4, 3x3) for 3x3 filters (step 4: each 4x4 block of outputs costs 36 multiply-adds per
 * input-output channel pair instead of 144) and F(2x2, 5x5) for 5x5 ones (step 2: 36 instead of
 * 100). Both interpolate at 0, 1, -1, 2, -2 and infinity, so they share the input transform B^T;
 * they differ in G (applied to the filters once, in pack.ts) and in the rows of A^T kept.
 * Three stages, each over a block of tiles [t0, t1), small enough that V and M stay in cache:
 *   winogradInput:  V[e][t - t0][c] = (B^T d B)[e] for the 6x6 input patch d of tile t;
 *   gemm, 36 times: M[e] = V[e] . U[e], where U = G g G^T are the transformed filters;
 *   winogradOutput: y = A^T M A + bias (ReLU), the step x step outputs of tile t, clipped at the edge.
 * V and M hold `plane` tiles per e. Tiles run over the images of the batch:
 * t = (image * th + ty) * tw + tx. Vectors hold 4 channels, so c and the filter count must be
 * multiples of 4. `scratch` is 40 vectors (640 bytes) per thread.
 */

// @ts-ignore: decorator
@inline
function at(base: usize, i: i32): usize {
  return base + (<usize>i << 4);
}

/** The rows of B^T applied to 6 vectors read from `src` at stride `s` bytes, written to `dst` at stride `ds`. */
// @ts-ignore: decorator
@inline
function inputTransform(src: usize, s: usize, dst: usize, ds: usize): void {
  const d0 = v128.load(src), d1 = v128.load(src + s), d2 = v128.load(src + 2 * s);
  const d3 = v128.load(src + 3 * s), d4 = v128.load(src + 4 * s), d5 = v128.load(src + 5 * s);
  const four = f32x4.splat(4), five = f32x4.splat(5), two = f32x4.splat(2);
  // r1, r2 share (d4 - 4 d2) and (d3 - 4 d1); r3, r4 share (d4 - d2) and 2 (d3 - d1).
  const a = f32x4.sub(d4, f32x4.mul(four, d2));
  const b = f32x4.sub(d3, f32x4.mul(four, d1));
  const c = f32x4.sub(d4, d2);
  const e = f32x4.mul(two, f32x4.sub(d3, d1));
  v128.store(dst, f32x4.add(f32x4.sub(f32x4.mul(four, d0), f32x4.mul(five, d2)), d4));
  v128.store(dst + ds, f32x4.add(a, b));
  v128.store(dst + 2 * ds, f32x4.sub(a, b));
  v128.store(dst + 3 * ds, f32x4.add(c, e));
  v128.store(dst + 4 * ds, f32x4.sub(c, e));
  v128.store(dst + 5 * ds, f32x4.add(f32x4.sub(f32x4.mul(four, d1), f32x4.mul(five, d3)), d5));
}

/**
 * The first `step` rows of A^T applied to 6 vectors at stride `s`, to `dst` at stride `ds`.
 * F(4x4, 3x3) keeps rows (1 1 1 1 1 0), (0 1 -1 2 -2 0), (0 1 1 4 4 0), (0 1 -1 8 -8 1);
 * F(2x2, 5x5) keeps (1 1 1 1 1 0), (0 1 -1 2 -2 1): the last row always takes m5.
 */
// @ts-ignore: decorator
@inline
function outputTransform(src: usize, s: usize, dst: usize, ds: usize, step: i32): void {
  const m0 = v128.load(src), m1 = v128.load(src + s), m2 = v128.load(src + 2 * s);
  const m3 = v128.load(src + 3 * s), m4 = v128.load(src + 4 * s), m5 = v128.load(src + 5 * s);
  const p12 = f32x4.add(m1, m2), d12 = f32x4.sub(m1, m2);
  const p34 = f32x4.add(m3, m4), d34 = f32x4.sub(m3, m4);
  v128.store(dst, f32x4.add(f32x4.add(m0, p12), p34));
  if (step == 2) {
    v128.store(dst + ds, f32x4.add(f32x4.add(d12, f32x4.mul(f32x4.splat(2), d34)), m5));
    return;
  }
  v128.store(dst + ds, f32x4.add(d12, f32x4.mul(f32x4.splat(2), d34)));
  v128.store(dst + 2 * ds, f32x4.add(p12, f32x4.mul(f32x4.splat(4), p34)));
  v128.store(dst + 3 * ds, f32x4.add(f32x4.add(d12, f32x4.mul(f32x4.splat(8), d34)), m5));
}

/** `step`: 4 for F(4x4, 3x3) (padding 1), 2 for F(2x2, 5x5) (padding 2). */
export function winogradInput(src: usize, h: i32, w: i32, c: i32, step: i32, th: i32, tw: i32, v: usize, plane: i32, scratch: usize, t0: i32, t1: i32): void {
  const pad = (6 - step) >> 1;
  const patch = scratch; // the 6x6 input vectors; the column pass overwrites them in place
  const zero = f32x4.splat(0);
  const stride = <usize>plane * <usize>c << 2; // bytes between V[e] and V[e + 1]
  const perImage = th * tw;
  for (let t = t0; t < t1; t++) {
    const image = t / perImage;
    const ty = (t - image * perImage) / tw;
    const tx = t - image * perImage - ty * tw;
    const y0 = ty * step - pad, x0 = tx * step - pad;
    const base = src + (<usize>(image * h * w * c) << 2);
    const out = v + (<usize>((t - t0) * c) << 2);
    for (let ci = 0; ci < c; ci += 4) {
      // Gather the 6x6 patch (zeros outside the image), row-major.
      for (let i = 0; i < 6; i++) {
        const y = y0 + i;
        for (let j = 0; j < 6; j++) {
          const x = x0 + j;
          const inside = y >= 0 && y < h && x >= 0 && x < w;
          v128.store(at(patch, i * 6 + j), inside ? v128.load(base + (<usize>((y * w + x) * c + ci) << 2)) : zero);
        }
      }
      // B^T d: down each column, in place (the transform reads all six before writing).
      for (let j = 0; j < 6; j++) inputTransform(at(patch, j), 96, at(patch, j), 96);
      // (B^T d) B: along each row, straight to V.
      for (let i = 0; i < 6; i++) inputTransform(at(patch, i * 6), 16, out + (<usize>ci << 2) + <usize>(i * 6) * stride, stride);
    }
  }
}

export function winogradOutput(m: usize, k: i32, step: i32, plane: i32, th: i32, tw: i32, oh: i32, ow: i32, bias: usize, dst: usize, ldd: i32, relu: i32, scratch: usize, t0: i32, t1: i32): void {
  const zero = f32x4.splat(0);
  const stride = <usize>plane * <usize>k << 2;
  const perImage = th * tw;
  for (let t = t0; t < t1; t++) {
    const image = t / perImage;
    const ty = (t - image * perImage) / tw;
    const tx = t - image * perImage - ty * tw;
    const src = m + (<usize>((t - t0) * k) << 2);
    const out = dst + (<usize>(image * oh * ow * ldd) << 2);
    for (let ko = 0; ko < k; ko += 4) {
      // A^T M: down each of the 6 columns, `step` rows out (scratch rows 0..step-1).
      for (let j = 0; j < 6; j++) outputTransform(src + (<usize>ko << 2) + <usize>j * stride, 6 * stride, at(scratch, j), 96, step);
      // (A^T M) A: along each row, `step` values out, to scratch vectors 24 + 4 i + j.
      for (let i = 0; i < step; i++) outputTransform(at(scratch, i * 6), 16, at(scratch, 24 + i * 4), 16, step);
      const b = v128.load(bias + (<usize>ko << 2));
      for (let i = 0; i < step; i++) {
        const y = ty * step + i;
        if (y >= oh) break;
        for (let j = 0; j < step; j++) {
          const x = tx * step + j;
          if (x >= ow) break;
          let r = f32x4.add(v128.load(at(scratch, 24 + i * 4 + j)), b);
          if (relu) r = f32x4.max(r, zero);
          v128.store(out + (<usize>((y * ow + x) * ldd + ko) << 2), r);
        }
      }
    }
  }
}
