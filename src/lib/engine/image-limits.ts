/**
 * What images the engine takes, as plain numbers and one-line reasons (no tfjs here, so the
 * command line and the page can check a file before loading anything heavy).
 */
import { bytes } from '../core/format';
import { engineMessage, type EngineMessage, type EngineParams } from './message';

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

/**
 * A one-line reason why an image file of `size` bytes is refused before reading, or null. With
 * `name`, the reason starts with it ("cat.jpg: file is ...").
 */
export function imageFileProblem(size: number, name?: string): EngineMessage | null {
  if (size === 0) return engineMessage('engine.image.emptyFile');
  if (size > MAX_IMAGE_BYTES) {
    const params = { size: bytes(size), limit: bytes(MAX_IMAGE_BYTES) };
    return name === undefined ? engineMessage('engine.image.fileTooLarge', params) : engineMessage('engine.image.fileTooLargeIn', { name, ...params });
  }
  return null;
}

/** A one-line reason why an image of this size is refused, or null if it is fine; `name` as above. */
export function imageSizeProblem(width: number, height: number, name?: string): EngineMessage | null {
  const named: EngineParams = name === undefined ? {} : { name };
  if (width < MIN_SIDE || height < MIN_SIDE)
    return engineMessage(name === undefined ? 'engine.image.tooSmall' : 'engine.image.tooSmallIn', { ...named, width, height, min: MIN_SIDE });
  if (width * height > MAX_PIXELS)
    return engineMessage(name === undefined ? 'engine.image.tooLarge' : 'engine.image.tooLargeIn', {
      ...named,
      width,
      height,
      megapixels: ((width * height) / 1e6).toFixed(1),
      limit: MAX_PIXELS / 1e6
    });
  return null;
}
