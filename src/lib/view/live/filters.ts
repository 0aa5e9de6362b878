/**
 * conv1's learned 7x7 filters as small RGB pictures. The weights are [7, 7, 3, 64] with the input
 * channels in Caffe's BGR order; each filter is scaled around zero by its own largest magnitude
 * (as the AlexNet and ZF papers draw them), grey meaning 0.
 */
export interface FilterImage {
  readonly index: number;
  readonly size: number;
  /** RGBA, size x size. */
  readonly pixels: Uint8ClampedArray;
  /** Sum of squares of its weights. */
  readonly energy: number;
}

export function filterImages(data: Float32Array, shape: readonly number[]): FilterImage[] {
  const [kh, kw, cin, cout] = shape as [number, number, number, number];
  if (cin !== 3) throw new Error(`conv1 filters have ${cin} input channels, expected 3`);
  const weight = (y: number, x: number, ch: number, f: number) => data[((y * kw + x) * cin + ch) * cout + f] as number;
  return Array.from({ length: cout }, (_, f) => {
    let peak = 0;
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let ch = 0; ch < 3; ch++) peak = Math.max(peak, Math.abs(weight(y, x, ch, f)));
    const k = peak > 0 ? 127.5 / peak : 0;
    const pixels = new Uint8ClampedArray(kh * kw * 4);
    let energy = 0;
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++) {
        const at = (y * kw + x) * 4;
        for (let ch = 0; ch < 3; ch++) {
          const v = weight(y, x, ch, f);
          energy += v * v;
          // BGR input channel ch is drawn as RGB channel 2 - ch.
          pixels[at + 2 - ch] = 127.5 + v * k;
        }
        pixels[at + 3] = 255;
      }
    return { index: f, size: kh, pixels, energy };
  });
}
