/**
 * What images the engine takes, as plain numbers and one-line reasons (no tfjs here, so the
 * command line and the page can check a file before loading anything heavy).
 */
import { bytes } from '../core/format';

/** Smaller images carry too little to classify; larger ones are refused before decoding. */
export const MIN_SIDE = 32;
export const MAX_PIXELS = 50_000_000;
/** Image files larger than this are refused before they are read (a 50 MP JPEG is ~20 MB). */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
/**
 * Large photos are scaled down as they are read, so that their shorter side is at most this:
 * twice the largest test-time scale (352), so no crop loses detail, and a 12-megapixel photo
 * does not become a 190 MB tensor.
 */
export const MAX_SHORT_SIDE = 704;

/** A one-line reason why an image file of `size` bytes is refused before reading, or null. */
export function imageFileProblem(size: number): string | null {
  if (size === 0) return 'empty file';
  if (size > MAX_IMAGE_BYTES) return `file is ${bytes(size)}: the limit for an image is ${bytes(MAX_IMAGE_BYTES)}`;
  return null;
}

/** A one-line reason why an image of this size is refused, or null if it is fine. */
export function imageSizeProblem(width: number, height: number): string | null {
  if (width < MIN_SIDE || height < MIN_SIDE)
    return `image is ${width}x${height}: too small, the minimum is ${MIN_SIDE}x${MIN_SIDE} pixels`;
  if (width * height > MAX_PIXELS)
    return `image is ${width}x${height} (${((width * height) / 1e6).toFixed(1)} megapixels): the limit is ${MAX_PIXELS / 1e6} megapixels`;
  return null;
}
