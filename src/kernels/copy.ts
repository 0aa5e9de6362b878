/** Copies `count` floats (vectors of 4, then the tail); faster than memory.copy for short runs. */
// @ts-ignore: decorator
@inline
export function copyFloats(dst: usize, src: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(dst + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
  for (; i < count; i++) store<f32>(dst + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
}

// @ts-ignore: decorator
@inline
export function zeroFloats(dst: usize, count: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(dst + (<usize>i << 2), zero);
  for (; i < count; i++) store<f32>(dst + (<usize>i << 2), 0);
}
