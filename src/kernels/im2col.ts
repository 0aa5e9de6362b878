import { copyFloats, zeroFloats } from './copy';

/**
 * Unrolls the k x k windows of one NHWC image (h x w x c, zero padding `pad`) into rows of a
 * matrix: row r = oy * ow + ox holds the window of output pixel (oy, ox) in (ky, kx, c) order,
 * which is the order of the packed filters. Only rows [row0, row1) are made, from `dst` on (row
 * row0 first), so each thread can fill its own matrix. A window row (k pixels) is contiguous in NHWC: one copy per ky.
 */
export function im2col(src: usize, h: i32, w: i32, c: i32, k: i32, stride: i32, pad: i32, ow: i32, dst: usize, row0: i32, row1: i32): void {
  const rowLen = k * k * c;
  const span = k * c;
  for (let r = row0; r < row1; r++) {
    const oy = r / ow;
    const ox = r - oy * ow;
    const x0 = ox * stride - pad;
    const lo = max(0, -x0); // first kx inside the image
    const hi = min(k, w - x0); // one past the last
    let out = dst + ((<usize>(r - row0) * <usize>rowLen) << 2);
    for (let ky = 0; ky < k; ky++) {
      const y = oy * stride - pad + ky;
      if (y < 0 || y >= h || hi <= lo) {
        zeroFloats(out, span);
      } else {
        if (lo > 0) zeroFloats(out, lo * c);
        copyFloats(out + (<usize>(lo * c) << 2), src + (<usize>((y * w + x0 + lo) * c) << 2), (hi - lo) * c);
        if (hi < k) zeroFloats(out + (<usize>(hi * c) << 2), (k - hi) * c);
      }
      out += <usize>span << 2;
    }
  }
}
