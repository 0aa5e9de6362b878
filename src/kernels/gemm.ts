/**
 * C[m x n] = A[m x k] . B + bias, ReLU optional. A and C are row-major with row strides lda and
 * ldc (in floats), so C can be a channel slice of a wider tensor: that is how an Inception
 * module's branches write into their concatenation. B and the bias are packed in panels of 8
 * columns, [ceil(n / 8)][k][8] (zeros beyond n), so one panel streams contiguously; the last
 * panel stores only the columns below n.
 *
 * The inner loop keeps a 4 x 8 block of C in 8 registers: per step of k, two loads of B, four
 * broadcasts of A and 8 multiply-adds of 4 lanes. Wider blocks spill on V8's 16 XMM registers
 * (measured: 5 x 8 is 20% slower).
 */
export function gemm(a: usize, lda: i32, b: usize, bias: usize, c: usize, ldc: i32, m: i32, n: i32, k: i32, relu: i32): void {
  const zero = f32x4.splat(0);
  const rowA = <usize>lda << 2;
  const rowC = <usize>ldc << 2;
  for (let p = 0; p < n; p += 8) {
    const panel = b + ((<usize>p * <usize>k) << 2);
    const b0 = v128.load(bias + (<usize>p << 2));
    const b1 = v128.load(bias + (<usize>p << 2), 16);
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      let a0 = a + <usize>i * rowA;
      let c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1;
      let w = panel;
      const end = a0 + (<usize>k << 2);
      while (a0 < end) {
        const w0 = v128.load(w);
        const w1 = v128.load(w, 16);
        let x = v128.load32_splat(a0);
        c00 = f32x4.add(c00, f32x4.mul(x, w0));
        c01 = f32x4.add(c01, f32x4.mul(x, w1));
        x = v128.load32_splat(a0 + rowA);
        c10 = f32x4.add(c10, f32x4.mul(x, w0));
        c11 = f32x4.add(c11, f32x4.mul(x, w1));
        x = v128.load32_splat(a0 + 2 * rowA);
        c20 = f32x4.add(c20, f32x4.mul(x, w0));
        c21 = f32x4.add(c21, f32x4.mul(x, w1));
        x = v128.load32_splat(a0 + 3 * rowA);
        c30 = f32x4.add(c30, f32x4.mul(x, w0));
        c31 = f32x4.add(c31, f32x4.mul(x, w1));
        a0 += 4;
        w += 32;
      }
      if (relu) {
        c00 = f32x4.max(c00, zero); c01 = f32x4.max(c01, zero);
        c10 = f32x4.max(c10, zero); c11 = f32x4.max(c11, zero);
        c20 = f32x4.max(c20, zero); c21 = f32x4.max(c21, zero);
        c30 = f32x4.max(c30, zero); c31 = f32x4.max(c31, zero);
      }
      let o = c + <usize>i * rowC + (<usize>p << 2);
      const cols = min(8, n - p);
      store8(o, c00, c01, cols); o += rowC;
      store8(o, c10, c11, cols); o += rowC;
      store8(o, c20, c21, cols); o += rowC;
      store8(o, c30, c31, cols);
    }
    for (; i < m; i++) {
      let a0 = a + <usize>i * rowA;
      let c00 = b0, c01 = b1;
      let w = panel;
      const end = a0 + (<usize>k << 2);
      while (a0 < end) {
        const x = v128.load32_splat(a0);
        c00 = f32x4.add(c00, f32x4.mul(x, v128.load(w)));
        c01 = f32x4.add(c01, f32x4.mul(x, v128.load(w, 16)));
        a0 += 4;
        w += 32;
      }
      if (relu) {
        c00 = f32x4.max(c00, zero);
        c01 = f32x4.max(c01, zero);
      }
      store8(c + <usize>i * rowC + (<usize>p << 2), c00, c01, min(8, n - p));
    }
  }
}

/** Stores the first `cols` (1..8) of the 8 floats in lo, hi. */
// @ts-ignore: decorator
@inline
function store8(o: usize, lo: v128, hi: v128, cols: i32): void {
  if (cols == 8) {
    v128.store(o, lo);
    v128.store(o, hi, 16);
  } else if (cols >= 4) {
    v128.store(o, lo);
    store4(o + 16, hi, cols - 4);
  } else store4(o, lo, cols);
}

// @ts-ignore: decorator
@inline
function store4(o: usize, v: v128, cols: i32): void {
  if (cols >= 1) store<f32>(o, f32x4.extract_lane(v, 0));
  if (cols >= 2) store<f32>(o, f32x4.extract_lane(v, 1), 4);
  if (cols >= 3) store<f32>(o, f32x4.extract_lane(v, 2), 8);
}
