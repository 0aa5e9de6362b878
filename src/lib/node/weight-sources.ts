/**
 * Reads weights from disk into the importer's blob sources: the one-file-a-blob directory
 * (weights/<layer>/<blob>_filter.bin, raw little-endian float32) or a `.caffemodel` file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { decodeCaffemodel } from '../engine/caffemodel';
import { caffeSource, WeightsError, type BlobSource, type SourceBlob } from '../engine/import-blobs';

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
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** `weights/inception_4c/3x3_reduce_filter.bin` -> weight `inception_4c/3x3_reduce/filter`. */
export function blobDirSource(modelDir: string): BlobSource {
  const root = existsSync(join(modelDir, 'weights')) ? join(modelDir, 'weights') : modelDir;
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new WeightsError(`${modelDir}: no such directory`);
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
    blobs.set(`${m[1]}/${m[2]}`, { label, data: floats(readFileSync(file), label) });
  }
  if (blobs.size === 0) throw new WeightsError(`${modelDir}: no weights/<layer>/<blob>_filter.bin files found`);
  return { layout: 'per-blob', blobs, stray };
}

export function caffemodelSource(bytes: Uint8Array): BlobSource {
  return caffeSource(decodeCaffemodel(bytes));
}

/** A directory in the per-blob layout, or a caffemodel file. */
export function sourceFrom(path: string): BlobSource {
  if (!existsSync(path)) throw new WeightsError(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) return blobDirSource(path);
  const bytes = readFileSync(path);
  if (bytes.byteLength === 0) throw new WeightsError(`${path}: empty file`);
  return caffemodelSource(bytes);
}
