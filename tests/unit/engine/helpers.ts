/**
 * Shared by the engine tests: where ../shared is, a conversion of the real weights into a
 * temporary folder (once per test file), and a single-threaded WASM backend.
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { classifyPixels, topK } from '../../../src/lib/engine/classify';
import type { GoogLeNet } from '../../../src/lib/engine/googlenet';
import { importBlobs, parseSynsetWords } from '../../../src/lib/engine/import-blobs';
import type { Precision } from '../../../src/lib/engine/manifest';
import { readImage } from '../../../src/lib/node/image';
import { startNodeBackend } from '../../../src/lib/node/backend-node';
import { writeConverted } from '../../../src/lib/node/model-files';
import { blobDirSource } from '../../../src/lib/node/weight-sources';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED = resolve(REPO_ROOT, '../shared');
export const MODEL_SRC = join(SHARED, 'models/bvlc_googlenet');
export const REFERENCE = join(SHARED, 'reference');
export const HAS_SHARED = existsSync(join(MODEL_SRC, 'weights'));
/** Appended to the names of suites that need ../shared, so a skip says why. */
export const NEEDS_SHARED = HAS_SHARED ? '' : ' (skipped: ../shared/models/bvlc_googlenet is absent)';

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

let converted: { dir: string; remove: () => void } | undefined;

/** The real weights converted (float32, float16, labels) into a temporary folder. */
export function convertedModel(): string {
  if (converted) return converted.dir;
  const temp = tempDir('googlenet-model');
  const dir = join(temp.path, 'googlenet');
  const labels = parseSynsetWords(readFileSync(join(MODEL_SRC, 'synset_words.txt'), 'utf8'));
  writeConverted(dir, importBlobs(blobDirSource(MODEL_SRC)), labels, MODEL_SRC);
  converted = { dir, remove: temp.remove };
  return dir;
}

/** Call from afterAll in files that used convertedModel(). */
export function removeConvertedModel(): void {
  converted?.remove();
  converted = undefined;
}

export const startTestBackend = () => startNodeBackend('wasm', 1);

export interface Expected {
  image: string;
  top5: { index: number; label: string; p: number }[];
}

export function expectedTop5(): Expected[] {
  return readFileSync(join(REFERENCE, 'expected-top5.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Expected);
}

/**
 * The reference checks any engine must pass (call inside a describe): each reference image's
 * top 5 within 1e-4 with float32 weights, its top 1 with float16. `engine` gives the network.
 */
export function referenceTests(engine: (precision: Precision) => { net: GoogLeNet; labels: readonly string[] }): void {
  const classify = async (precision: Precision, image: string) => {
    const { net, labels } = engine(precision);
    const { width, height, data } = readImage(join(REFERENCE, image));
    expect([width, height]).toEqual([224, 224]); // fed as is: no resizing
    const pixels = tf.tensor3d(data, [height, width, 4], 'int32');
    const probs = await classifyPixels(net, pixels, { crops: 1 });
    pixels.dispose();
    return topK(probs, labels, 5);
  };

  for (const expected of HAS_SHARED ? expectedTop5() : []) {
    it(`matches the reference top 5 of ${expected.image} within 1e-4 (float32)`, async () => {
      const top5 = await classify('float32', expected.image);
      expect(top5.map((p) => p.index)).toEqual(expected.top5.map((p) => p.index));
      expect(top5.map((p) => p.label)).toEqual(expected.top5.map((p) => p.label));
      top5.forEach((p, i) => expect(Math.abs(p.p - expected.top5[i]!.p)).toBeLessThanOrEqual(1e-4));
    });

    it(`keeps the reference top 1 of ${expected.image} with float16 weights`, async () => {
      const top5 = await classify('float16', expected.image);
      expect(top5[0]!.index).toBe(expected.top5[0]!.index);
      expect(Math.abs(top5[0]!.p - expected.top5[0]!.p)).toBeLessThan(5e-3);
    });
  }
}

/** Every file under `dir` with its SHA-1: what must not change when a conversion is refused or fails. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha1').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
