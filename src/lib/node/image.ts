/**
 * Reads a PNG or JPEG file into RGBA pixels (pngjs, jpeg-js), refusing what cannot be
 * classified with one line that names the file, each check before the step it protects:
 * - what the path is (a regular file: not a folder, a FIFO, /dev/zero) and its size, before
 *   a byte is read (MAX_IMAGE_BYTES);
 * - the signature and the header (kind, width, height), from the first bytes, before the rest
 *   is read: too small, too many pixels, over the decoding budget (image-decode.ts);
 * - then the decode, scaled down at once to a shorter side of at most MAX_SHORT_SIDE.
 * Grey, palette and 16-bit PNGs, grey and Adobe CMYK JPEGs come out as RGBA; alpha is left for
 * the engine, which composites it on white.
 */
import { HEADER_BYTES, imageHeader, imageKind, type ImageHeader } from '../engine/image-header';
import { imageFileProblem, imageSizeProblem } from '../engine/image-limits';
import { FileError, readStart, regularFile } from './files';
import { budgetProblem, decodeJpeg, decodePng, ImageError } from './image-decode';
import { shrink, type Rgba } from './shrink';

export { ImageError } from './image-decode';
export type Pixels = Rgba;

/** The header of an image the CLI can decode, or an ImageError saying why not. */
function checkedHeader(start: Uint8Array): ImageHeader {
  const kind = imageKind(start);
  if (kind === 'gif' || kind === 'webp') throw new ImageError(`a ${kind.toUpperCase()} image: the command line reads PNG and JPEG`);
  if (!kind) throw new ImageError('not a PNG or JPEG image');
  const header = imageHeader(start);
  if (!header) throw new ImageError(`truncated ${kind.toUpperCase()}: no image size in its header`);
  const problem = imageSizeProblem(header.width, header.height)?.message ?? budgetProblem(header);
  if (problem) throw new ImageError(problem);
  return header;
}

/** Decodes PNG or JPEG bytes, checking the header first; scaled down as the file says above. */
export function decodeImage(bytes: Uint8Array): Pixels {
  const fileProblem = imageFileProblem(bytes.byteLength);
  if (fileProblem) throw new ImageError(fileProblem.message);
  const header = checkedHeader(bytes);
  const decoded = header.kind === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
  if (decoded.width !== header.width || decoded.height !== header.height || decoded.data.length !== decoded.width * decoded.height * decoded.channels)
    throw new ImageError(`truncated ${header.kind.toUpperCase()}`);
  return shrink(decoded.width, decoded.height, decoded.channels, decoded.data);
}

/** Reads and decodes a file; every failure is an ImageError that starts with the path as given. */
export function readImage(path: string): Pixels {
  try {
    const info = regularFile(path);
    const fileProblem = imageFileProblem(info.size);
    const start = readStart(path, Math.min(info.size, HEADER_BYTES));
    // Not an image at all says more than "too large"; both come before the rest is read.
    if (imageKind(start) === null && info.size > 0) throw new ImageError('not a PNG or JPEG image');
    if (fileProblem) throw new ImageError(fileProblem.message);
    checkedHeader(start);
    return decodeImage(info.size <= start.byteLength ? start : readStart(path, info.size));
  } catch (e) {
    if (e instanceof ImageError) throw new ImageError(`${path}: ${e.message}`);
    throw e instanceof FileError ? new ImageError(e.message) : e;
  }
}
