/**
 * Turns whatever the reader gives (a file, a pasted image, a sample URL, a webcam frame) into
 * pixels the engine can take, refusing empty, broken and unusable images with one clear line.
 * Large photos are scaled down once, here, so that their shorter side is at most 704 pixels:
 * twice the largest test-time scale (352), so no crop loses detail, and a 12-megapixel photo
 * does not become a 190 MB tensor.
 */
import { imageSizeProblem, MAX_SHORT_SIDE } from '../preprocess';

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

export class ImageInputError extends Error {}

function scaled(width: number, height: number): { width: number; height: number } {
  const k = MAX_SHORT_SIDE / Math.min(width, height);
  if (k >= 1) return { width, height };
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

function pixelsOf(bitmap: ImageBitmap): ImageData {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ImageInputError('this browser cannot read pixels from a canvas');
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function fromSource(source: ImageBitmapSource, width: number, height: number, id: string, name: string): Promise<InputImage> {
  const problem = imageSizeProblem(width, height);
  if (problem) throw new ImageInputError(`${name}: ${problem}`);
  const size = scaled(width, height);
  const options: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };
  const bitmap =
    size.width === width && size.height === height
      ? await createImageBitmap(source, options)
      : await createImageBitmap(source, { ...options, resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  return { id, name, ...size, original: { width, height }, pixels: pixelsOf(bitmap), bitmap };
}

/** A file, a pasted blob or a fetched sample. */
export async function imageFromBlob(blob: Blob, name: string, id = `upload:${name}`): Promise<InputImage> {
  if (blob.size === 0) throw new ImageInputError(`${name} is empty (0 bytes): there is no picture in it.`);
  if (blob.type && !blob.type.startsWith('image/'))
    throw new ImageInputError(`${name} is not an image (its type is ${blob.type}); use a JPEG, PNG, WebP or GIF.`);
  let probe: ImageBitmap;
  try {
    probe = await createImageBitmap(blob);
  } catch {
    throw new ImageInputError(`${name} could not be read as an image: the file is damaged, or in a format this browser cannot decode.`);
  }
  const { width, height } = probe;
  probe.close();
  return fromSource(blob, width, height, id, name);
}

export async function imageFromUrl(url: string, name: string, id: string): Promise<InputImage> {
  const response = await fetch(url);
  if (!response.ok) throw new ImageInputError(`${name}: HTTP ${response.status} fetching ${url}`);
  return imageFromBlob(await response.blob(), name, id);
}

/** The frame a playing video shows now. */
export async function imageFromVideo(video: HTMLVideoElement, name = 'webcam frame'): Promise<InputImage> {
  if (video.videoWidth === 0) throw new ImageInputError('the camera has not sent a picture yet; try again in a moment');
  return fromSource(video, video.videoWidth, video.videoHeight, `camera:${Date.now()}`, name);
}
