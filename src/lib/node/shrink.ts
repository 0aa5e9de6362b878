/**
 * Scales decoded pixels down by a whole factor, averaging each factor x factor box (no
 * aliasing; colour weighted by alpha), so that the shorter side is at most MAX_SHORT_SIDE, as
 * the page does for its photos; smaller images come back as they are. Output is RGBA.
 */
import { MAX_SHORT_SIDE } from '../engine/image-limits';

export interface Rgba {
  readonly width: number;
  readonly height: number;
  /** RGBA, row-major, 4 bytes a pixel. */
  readonly data: Uint8Array;
}

/** The whole factor that brings the shorter side to at most `maxShort`. */
export const shrinkFactor = (width: number, height: number, maxShort = MAX_SHORT_SIDE): number =>
  Math.max(1, Math.ceil(Math.min(width, height) / maxShort));

export function shrink(width: number, height: number, channels: 3 | 4, data: Uint8Array, maxShort = MAX_SHORT_SIDE): Rgba {
  const f = shrinkFactor(width, height, maxShort);
  if (f === 1 && channels === 4) return { width, height, data };
  const w = Math.floor(width / f);
  const h = Math.floor(height / f);
  const out = new Uint8Array(w * h * 4);
  // Per output pixel: colour weighted by alpha (so a transparent pixel's colour does not bleed), alpha.
  const sums = new Float64Array(w * 4);
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      let at = (y * f + dy) * width * channels;
      for (let x = 0; x < w; x++)
        for (let dx = 0; dx < f; dx++, at += channels) {
          const a = channels === 4 ? (data[at + 3] as number) : 255;
          const s = x * 4;
          sums[s] = (sums[s] as number) + (data[at] as number) * a;
          sums[s + 1] = (sums[s + 1] as number) + (data[at + 1] as number) * a;
          sums[s + 2] = (sums[s + 2] as number) + (data[at + 2] as number) * a;
          sums[s + 3] = (sums[s + 3] as number) + a;
        }
    }
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const alpha = sums[x * 4 + 3] as number;
      for (let c = 0; c < 3; c++) out[o + c] = alpha > 0 ? Math.round((sums[x * 4 + c] as number) / alpha) : 0;
      out[o + 3] = Math.round(alpha / (f * f));
    }
  }
  return { width: w, height: h, data: out };
}
