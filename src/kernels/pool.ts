/**
 * Max and average pooling over one NHWC image, Caffe's way: windows clipped to the image (a
 * clipped max ignores the padding; an average divides by the cells inside). Channels go 4 at a
 * time, then one at a time.
 * Output rows [oy0, oy1) are written, at dst with a pixel stride of ldd floats (a pool can
 * write straight into a concatenation).
 */
export function maxpool(src: usize, h: i32, w: i32, c: i32, k: i32, stride: i32, pad: i32, ow: i32, dst: usize, ldd: i32, oy0: i32, oy1: i32): void {
  pool(src, h, w, c, k, stride, pad, ow, dst, ldd, oy0, oy1, false);
}

export function avgpool(src: usize, h: i32, w: i32, c: i32, k: i32, stride: i32, pad: i32, ow: i32, dst: usize, ldd: i32, oy0: i32, oy1: i32): void {
  pool(src, h, w, c, k, stride, pad, ow, dst, ldd, oy0, oy1, true);
}

// @ts-ignore: decorator
@inline
function pool(src: usize, h: i32, w: i32, c: i32, k: i32, stride: i32, pad: i32, ow: i32, dst: usize, ldd: i32, oy0: i32, oy1: i32, average: bool): void {
  for (let oy = oy0; oy < oy1; oy++) {
    const y0 = max(0, oy * stride - pad);
    const y1 = min(h, oy * stride - pad + k);
    for (let ox = 0; ox < ow; ox++) {
      const x0 = max(0, ox * stride - pad);
      const x1 = min(w, ox * stride - pad + k);
      const out = dst + (<usize>((oy * ow + ox) * ldd) << 2);
      const first = src + (<usize>((y0 * w + x0) * c) << 2);
      const c4 = c & ~3;
      for (let ci = 0; ci < c4; ci += 4) v128.store(out + (<usize>ci << 2), v128.load(first + (<usize>ci << 2)));
      for (let ci = c4; ci < c; ci++) store<f32>(out + (<usize>ci << 2), load<f32>(first + (<usize>ci << 2)));
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          if (y == y0 && x == x0) continue;
          const at = src + (<usize>((y * w + x) * c) << 2);
          for (let ci = 0; ci < c4; ci += 4) {
            const o = out + (<usize>ci << 2);
            const v = v128.load(at + (<usize>ci << 2));
            v128.store(o, average ? f32x4.add(v128.load(o), v) : f32x4.max(v128.load(o), v));
          }
          for (let ci = c4; ci < c; ci++) {
            const o = out + (<usize>ci << 2);
            const v = load<f32>(at + (<usize>ci << 2));
            store<f32>(o, average ? load<f32>(o) + v : max(load<f32>(o), v));
          }
        }
      }
      if (average) {
        const inv = <f32>1.0 / <f32>((y1 - y0) * (x1 - x0));
        const scale = f32x4.splat(inv);
        for (let ci = 0; ci < c4; ci += 4) {
          const o = out + (<usize>ci << 2);
          v128.store(o, f32x4.mul(v128.load(o), scale));
        }
        for (let ci = c4; ci < c; ci++) store<f32>(out + (<usize>ci << 2), load<f32>(out + (<usize>ci << 2)) * inv);
      }
    }
  }
}
