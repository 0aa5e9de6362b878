/**
 * Reads weights from disk into the importer's blob sources: the one-file-a-blob directory
 * (weights/<layer>/<blob>_filter.bin, raw little-endian float32) or a `.caffemodel` file.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { bytes as showBytes } from '../core/format';
import { decodeCaffemodel } from '../engine/caffemodel';
import { caffeSource, MAX_CAFFEMODEL_BYTES, WeightsError, type BlobSource, type SourceBlob } from '../engine/import-blobs';
import { FileError, readStart, reasonOf, regularFile } from './files';

/** Larger than any GoogLeNet blob (loss1/fc's filter, 8 MiB). */
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/** A regular file of at most `max` bytes, read whole; anything else is a WeightsError naming it. */
function readBounded(path: string, max: number, what: string, label = shown(path)): Buffer {
  try {
    const info = regularFile(path, label);
    if (info.size > max) throw new WeightsError(`${label}: file is ${showBytes(info.size)}: the limit for ${what} is ${showBytes(max)}`);
    return readStart(path, info.size, label);
  } catch (e) {
    throw e instanceof FileError ? new WeightsError(e.message) : e;
  }
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new WeightsError(`${shown(path)}: ${reasonOf(e)}`);
  }
}

function floats(bytes: Buffer, label: string): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new WeightsError(`${label}: ${bytes.byteLength} bytes is not a whole number of float32 values`);
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** A path as the user would type it: relative inside the working folder, else absolute. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statOf(p).isDirectory() ? walk(p) : [p];
  });
}

/** `weights/inception_4c/3x3_reduce_filter.bin` -> weight `inception_4c/3x3_reduce/filter`. */
export function blobDirSource(modelDir: string): BlobSource {
  if (!statOf(modelDir).isDirectory()) throw new WeightsError(`${modelDir}: is a file, not a folder`);
  const root = readdirSync(modelDir).includes('weights') ? join(modelDir, 'weights') : modelDir;
  if (!statOf(root).isDirectory()) throw new WeightsError(`${shown(root)}: is a file, not a folder`);
  const blobs = new Map<string, SourceBlob>();
  const stray: string[] = [];
  for (const file of walk(root)) {
    const rel = relative(root, file).split('\\').join('/');
    const m = /^(.+)_(filter|bias)\.bin$/.exec(rel);
    if (!m) {
      if (rel.endsWith('.bin')) stray.push(`${file} (not <blob>_filter.bin or <blob>_bias.bin)`);
      continue;
    }
    const label = shown(file);
    blobs.set(`${m[1]}/${m[2]}`, { label, data: floats(readBounded(file, MAX_BLOB_BYTES, 'one blob'), label) });
  }
  if (blobs.size === 0) throw new WeightsError(`${modelDir}: no weights/<layer>/<blob>_filter.bin files found`);
  return { layout: 'per-blob', blobs, stray };
}

export function caffemodelSource(bytes: Uint8Array): BlobSource {
  return caffeSource(decodeCaffemodel(bytes));
}

/** A directory in the per-blob layout, or a caffemodel file. */
export function sourceFrom(path: string): BlobSource {
  if (statOf(path).isDirectory()) return blobDirSource(path);
  const bytes = readBounded(path, MAX_CAFFEMODEL_BYTES, 'a caffemodel', path);
  if (bytes.byteLength === 0) throw new WeightsError(`${path}: empty file`);
  return caffemodelSource(bytes);
}
