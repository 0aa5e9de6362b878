/**
 * Turns whatever the reader gives (a file, a pasted image, a sample URL, a webcam frame) into
 * pixels the engine can take, refusing empty, broken, too large and unusable images with one
 * clear line. Large photos are scaled down once, here, as they are decoded, so that their
 * shorter side is at most MAX_SHORT_SIDE (704) pixels: twice the largest test-time scale (352),
 * so no crop loses detail, and a 12-megapixel photo does not become a 190 MB tensor.
 */
import { HEADER_BYTES, imageHeader, imageKind, shownSize } from '../image-header';
import { imageFileProblem, imageSizeProblem, MAX_SHORT_SIDE } from '../image-limits';
import { EngineError } from '../message';

export interface InputImage {
  /** A sample id, or a label such as `your photo (cat.jpg)`. */
  readonly id: string;
  readonly name: string;
  /** Size after any scaling down. */
  readonly width: number;
  readonly height: number;
  /** Size as given. */
  readonly original: { readonly width: number; readonly height: number };
  /** RGBA, the size above; the engine composites alpha on white. */
  readonly pixels: ImageData;
  /** For drawing: the same pixels. */
  readonly bitmap: ImageBitmap;
}

/** Why an image was refused, with its catalogue key (errorText shows it in the reader's edition). */
export class ImageInputError extends EngineError {}

function scaled(width: number, height: number): { width: number; height: number } {
  const k = MAX_SHORT_SIDE / Math.min(width, height);
  if (k >= 1) return { width, height };
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

function pixelsOf(bitmap: ImageBitmap): ImageData {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw ImageInputError.of('engine.image.noCanvas');
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function fromSource(source: ImageBitmapSource, width: number, height: number, id: string, name: string): Promise<InputImage> {
  const problem = imageSizeProblem(width, height, name);
  if (problem) throw new ImageInputError(problem);
  const size = scaled(width, height);
  const options: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };
  const bitmap =
    size.width === width && size.height === height
      ? await createImageBitmap(source, options)
      : await createImageBitmap(source, { ...options, resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  return { id, name, ...size, original: { width, height }, pixels: pixelsOf(bitmap), bitmap };
}

const damaged = (name: string) => ImageInputError.of('engine.image.damaged', { name });

/** Width and height from the first bytes (PNG, JPEG, GIF, WebP), or null for another format. */
async function sizeFromHeader(blob: Blob, name: string): Promise<{ width: number; height: number } | null> {
  const start = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  const kind = imageKind(start);
  if (!kind) return null;
  const header = imageHeader(start);
  if (!header) throw damaged(name);
  return shownSize(header); // as createImageBitmap turns it

}

/**
 * A file, a pasted blob or a fetched sample. Its size is checked before it is read, its header
 * before it is decoded, and it is decoded once, scaled down as it is (the browser's decoder
 * does the scaling), so a large photo never exists at full size in the page's memory. Only a
 * format whose header is not read here (BMP, AVIF, ...) is decoded once to learn its size.
 */
export async function imageFromBlob(blob: Blob, name: string, id = `upload:${name}`): Promise<InputImage> {
  if (blob.size === 0) throw ImageInputError.of('engine.image.empty', { name });
  if (blob.type && !blob.type.startsWith('image/'))
    throw ImageInputError.of('engine.image.notImage', { name, type: blob.type });
  const tooLarge = imageFileProblem(blob.size, name);
  if (tooLarge) throw new ImageInputError(tooLarge);
  let size = await sizeFromHeader(blob, name);
  if (!size) {
    let probe: ImageBitmap;
    try {
      probe = await createImageBitmap(blob);
    } catch {
      throw damaged(name);
    }
    size = { width: probe.width, height: probe.height };
    probe.close();
  }
  try {
    return await fromSource(blob, size.width, size.height, id, name);
  } catch (e) {
    if (e instanceof ImageInputError) throw e;
    throw damaged(name);
  }
}

export async function imageFromUrl(url: string, name: string, id: string): Promise<InputImage> {
  const response = await fetch(url);
  if (!response.ok) throw ImageInputError.of('engine.image.http', { name, status: response.status, url });
  return imageFromBlob(await response.blob(), name, id);
}

/** The frame a playing video shows now. */
export async function imageFromVideo(video: HTMLVideoElement, name = 'webcam frame'): Promise<InputImage> {
  if (video.videoWidth === 0) throw ImageInputError.of('engine.image.noCameraFrame');
  return fromSource(video, video.videoWidth, video.videoHeight, `camera:${Date.now()}`, name);
}
