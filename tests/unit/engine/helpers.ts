/**
 * Shared by the engine tests: where ../shared is, a conversion of the real weights into a
 * temporary folder (once per test file), and a single-threaded WASM backend.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBlobs, parseSynsetWords } from '../../../src/lib/engine/import-blobs';
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
