/**
 * Caffe's across-channel LRN with beta 0.75 on pixels [p0, p1) of c channels: y = x / (k + alpha/size * sum of the squares in a window of `size` channels)^0.75, where
 * t^0.75 = s * sqrt(s) with s = sqrt(t), so no pow. `scratch` holds c + size floats for this
 * thread: the squares with zeros on either side, read back through unaligned vector loads.
 * Channels go 4 at a time; past a multiple of 4, the vector reads zeros and writes to scratch.
 */
export function lrn(src: usize, dst: usize, c: i32, size: i32, alphaBits: i32, kBits: i32, scratch: usize, p0: i32, p1: i32): void {
  const alpha = f32x4.splat(reinterpret<f32>(alphaBits));
  const kk = f32x4.splat(reinterpret<f32>(kBits));
  const half = size >> 1;
  for (let i = 0; i < c + size + 4; i++) store<f32>(scratch + (<usize>i << 2), 0);
  const squares = scratch + (<usize>half << 2);
  for (let p = p0; p < p1; p++) {
    const x = src + (<usize>(p * c) << 2);
    const y = dst + (<usize>(p * c) << 2);
    const c4 = c & ~3;
    for (let ci = 0; ci < c4; ci += 4) {
      const v = v128.load(x + (<usize>ci << 2));
      v128.store(squares + (<usize>ci << 2), f32x4.mul(v, v));
    }
    for (let ci = c4; ci < c; ci++) {
      const v = load<f32>(x + (<usize>ci << 2));
      store<f32>(squares + (<usize>ci << 2), v * v);
    }
    for (let ci = 0; ci < c; ci += 4) {
      let sum = f32x4.splat(0);
      for (let d = 0; d < size; d++) sum = f32x4.add(sum, v128.load(scratch + (<usize>(ci + d) << 2)));
      const t = f32x4.add(kk, f32x4.mul(alpha, sum));
      const s = f32x4.sqrt(t);
      const q = f32x4.mul(s, f32x4.sqrt(s));
      if (ci + 4 <= c) {
        v128.store(y + (<usize>ci << 2), f32x4.div(v128.load(x + (<usize>ci << 2)), q));
      } else {
        for (let j = 0; ci + j < c; j++) {
          const d = j == 0 ? f32x4.extract_lane(q, 0) : j == 1 ? f32x4.extract_lane(q, 1) : f32x4.extract_lane(q, 2);
          store<f32>(y + (<usize>(ci + j) << 2), load<f32>(x + (<usize>(ci + j) << 2)) / d);
        }
      }
    }
  }
}
