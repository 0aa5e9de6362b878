/**
 * Reads a PNG or JPEG file into RGBA pixels (pngjs, jpeg-js), refusing what cannot be
 * classified with one line: not an image, empty, too small, too large (judged from the header,
 * before anything is decoded). Grey, palette and 16-bit PNGs, grey and Adobe CMYK JPEGs come out
 * as RGBA; alpha is left for the engine, which composites it on white.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageSizeProblem, MAX_PIXELS } from '../engine/preprocess';

export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** RGBA, row-major, 4 bytes a pixel. */
  readonly data: Uint8Array;
}

export class ImageError extends Error {}

type Kind = 'png' | 'jpeg';

function kindOf(bytes: Uint8Array): Kind | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Width and height from the header: PNG's IHDR, or a JPEG's first SOFn segment. */
export function headerSize(bytes: Uint8Array, kind: Kind): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') return bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function decodeJpeg(bytes: Uint8Array): Pixels {
  try {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, data: img.data };
  } catch (e) {
    const message = (e as Error).message;
    if (/4 components/.test(message)) throw new ImageError('CMYK JPEG without an Adobe colour marker: save it as RGB first');
    throw new ImageError(`cannot decode this JPEG (${message})`);
  }
}

function decodePng(bytes: Uint8Array): Pixels {
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  } catch (e) {
    throw new ImageError(`cannot decode this PNG (${(e as Error).message})`);
  }
}

/** Decodes PNG or JPEG bytes, checking the size in the header first. */
export function decodeImage(bytes: Uint8Array): Pixels {
  if (bytes.length === 0) throw new ImageError('empty file');
  const kind = kindOf(bytes);
  if (!kind) throw new ImageError('not a PNG or JPEG image');
  const size = headerSize(bytes, kind);
  if (!size) throw new ImageError(`truncated ${kind.toUpperCase()}: no image size in its header`);
  const problem = imageSizeProblem(size.width, size.height);
  if (problem) throw new ImageError(problem);
  const pixels = kind === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
  if (pixels.data.length !== pixels.width * pixels.height * 4) throw new ImageError(`truncated ${kind.toUpperCase()}`);
  return pixels;
}

/** Reads and decodes a file; every failure is an ImageError that names the file. */
export function readImage(path: string): Pixels {
  const name = basename(path);
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new ImageError(`${name}: is a directory, not an image`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw new ImageError(`${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return decodeImage(bytes);
  } catch (e) {
    throw new ImageError(`${name}: ${(e as Error).message}`);
  }
}
