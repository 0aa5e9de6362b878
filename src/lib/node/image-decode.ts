/**
 * Decoding PNG and JPEG in Node (pngjs, jpeg-js) within a stated memory budget. Neither decoder
 * can scale while it decodes, and both hold the whole image, several times over, while they
 * work; so what a decode will take is estimated from the header (the decoders' own layouts,
 * measured with scripts/bench-image-memory.mjs) and an image over the budget is refused before
 * decoding, naming the limit. jpeg-js enforces the same budget on itself as a backstop. What
 * comes out is scaled down at once (shrink.ts), so nothing downstream holds a full-size copy.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { bytes } from '../core/format';
import type { ImageHeader } from '../engine/image-header';
import { MAX_PIXELS } from '../engine/image-limits';

/** The most one image may take while it is decoded. */
export const DECODE_BUDGET_BYTES = 1024 * 1024 * 1024;

export class ImageError extends Error {}

export interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array;
}

/**
 * jpeg-js keeps every 8x8 block of every component as its own Int32Array (256 bytes of data
 * and about as much again of object), then a byte a sample, then the output.
 */
function jpegCost(h: ImageHeader): number {
  const components = h.jpeg?.components ?? [{ h: 1, v: 1 }];
  const maxH = Math.max(...components.map((c) => c.h));
  const maxV = Math.max(...components.map((c) => c.v));
  const mcusX = Math.ceil(h.width / 8 / maxH);
  const mcusY = Math.ceil(h.height / 8 / maxV);
  const blocks = components.reduce((n, c) => n + mcusX * c.h * mcusY * c.v, 0);
  return blocks * (512 + 64) + h.width * h.height * (components.length + 3);
}

/**
 * pngjs inflates the whole image (its chunks, then joined), unfilters it into another buffer,
 * then makes RGBA (by way of 16-bit samples at 16 bits).
 */
function pngCost(h: ImageHeader): number {
  const { bitDepth, colorType } = h.png ?? { bitDepth: 8, colorType: 6 };
  const samples = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType] ?? 4;
  const raw = h.height * (1 + Math.ceil((h.width * samples * bitDepth) / 8));
  return 3 * raw + h.width * h.height * (bitDepth === 16 ? 12 : 4);
}

/** Roughly what decoding this image takes, in bytes. */
export function decodeCost(h: ImageHeader): number {
  return h.kind === 'png' ? pngCost(h) : jpegCost(h);
}

/** A one-line reason why decoding would go over the budget, or null. */
export function budgetProblem(h: ImageHeader): string | null {
  const cost = decodeCost(h);
  if (cost <= DECODE_BUDGET_BYTES) return null;
  return (
    `decoding this ${h.width}x${h.height} ${h.kind.toUpperCase()} would take about ${bytes(cost)}, ` +
    `over the ${bytes(DECODE_BUDGET_BYTES)} one image may use: scale it down first`
  );
}

export function decodeJpeg(data: Uint8Array): Decoded {
  try {
    const img = jpeg.decode(data, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: MAX_PIXELS / 1e6,
      maxMemoryUsageInMB: DECODE_BUDGET_BYTES / 1024 / 1024
    });
    return { width: img.width, height: img.height, channels: 3, data: img.data };
  } catch (e) {
    const message = (e as Error).message;
    if (/4 components/.test(message)) throw new ImageError('CMYK JPEG without an Adobe colour marker: save it as RGB first');
    if (/maxMemoryUsageInMB/.test(message)) throw new ImageError(`decoding this JPEG would take over the ${bytes(DECODE_BUDGET_BYTES)} one image may use`);
    throw new ImageError(`cannot decode this JPEG (${message})`);
  }
}

export function decodePng(data: Uint8Array): Decoded {
  try {
    const png = PNG.sync.read(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return { width: png.width, height: png.height, channels: 4, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  } catch (e) {
    const message = (e as Error).message;
    // pngjs's words for "the data stopped before the image did".
    if (/read requests waitng on finished stream|unexpected end of file/i.test(message))
      throw new ImageError(`truncated PNG: the file ends before its image data does (${bytes(data.byteLength)})`);
    throw new ImageError(`cannot decode this PNG (${message})`);
  }
}
