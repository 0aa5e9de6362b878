/**
 * The converted model on disk: static/models/googlenet/{float32,float16}/model.json + shards and
 * labels.json. Written into a temporary folder beside the target and moved in with renames
 * (model-folder.ts), so a failed conversion leaves the previous one intact; read back with the
 * engine's checks.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WeightsError, type ImportedWeights } from '../engine/import-blobs';
import { checkModelJson, loadWeights, type LoadedWeights } from '../engine/load-weights';
import { encodeModel, PRECISIONS, type Precision } from '../engine/manifest';
import { checkOutFolder, moveIn, removeOrphans, stagingFolder } from './model-folder';
import { shown } from './weight-sources';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MODEL_DIR = join(REPO_ROOT, 'static/models/googlenet');
export const CONVERT_HINT = 'npm run weights -- --from ../shared/models/bvlc_googlenet';

/** `group1-shard3of7.bin` -> `group1-shard3of7.1a2b3c4d.bin`: a name that changes with the bytes. */
function tagged(path: string, bytes: Uint8Array): string {
  return path.replace(/\.bin$/, `.${createHash('sha1').update(bytes).digest('hex').slice(0, 8)}.bin`);
}

/**
 * Writes both precisions and the labels into `target` (see model-folder.ts for how it stays
 * safe): refuses a folder this tool did not write, and a failure leaves the previous conversion.
 */
export function writeConverted(target: string, imported: ImportedWeights, labels: readonly string[], source: string): void {
  checkOutFolder(target);
  mkdirSync(dirname(target), { recursive: true });
  removeOrphans(target);
  const temp = stagingFolder(target);
  try {
    const shards: Record<string, string[]> = {};
    for (const precision of PRECISIONS) {
      const { modelJson, shards: encoded } = encodeModel(imported, precision, source);
      const paths = encoded.map((s) => tagged(s.path, s.bytes));
      mkdirSync(join(temp, precision), { recursive: true });
      encoded.forEach((s, i) => writeFileSync(join(temp, precision, paths[i]!), s.bytes));
      for (const group of modelJson.weightsManifest) group.paths = group.paths.map((p) => paths[encoded.findIndex((s) => s.path === p)]!);
      writeFileSync(join(temp, precision, 'model.json'), JSON.stringify(modelJson));
      shards[precision] = paths;
    }
    writeFileSync(join(temp, 'labels.json'), JSON.stringify(labels));
    moveIn(temp, target, shards);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export interface ConvertedModel {
  readonly weights: LoadedWeights;
  readonly labels: readonly string[];
}

/** The files of one precision; throws, saying what to run, when they are not there. */
export function convertedPaths(precision: Precision, root: string = MODEL_DIR) {
  const dir = join(root, precision);
  const jsonPath = join(dir, 'model.json');
  const labelsPath = join(root, 'labels.json');
  if (!existsSync(jsonPath) || !existsSync(labelsPath))
    throw new WeightsError(`no converted weights at ${shown(jsonPath)}: run \`${CONVERT_HINT}\` first`);
  return { dir, jsonPath, labelsPath };
}

/** Loads one precision; a missing or damaged file fails with one line saying what to run. */
export async function readConverted(precision: Precision, root: string = MODEL_DIR): Promise<ConvertedModel> {
  const { dir, jsonPath, labelsPath } = convertedPaths(precision, root);
  let json: unknown;
  let labels: unknown;
  try {
    json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    labels = JSON.parse(readFileSync(labelsPath, 'utf8'));
  } catch (e) {
    throw new WeightsError(`${shown(jsonPath)} or labels.json is damaged (${(e as Error).message}): run \`${CONVERT_HINT}\` again`);
  }
  if (!Array.isArray(labels) || labels.length !== 1000 || labels.some((l) => typeof l !== 'string'))
    throw new WeightsError(`${shown(labelsPath)} does not hold 1000 labels: run \`${CONVERT_HINT}\` again`);
  const model = checkModelJson(json, shown(jsonPath));
  const read = async (path: string) => {
    const file = join(dir, path);
    if (!existsSync(file)) throw new WeightsError(`missing shard ${shown(file)}: run \`${CONVERT_HINT}\` again`);
    const b = readFileSync(file);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  return { weights: await loadWeights(model, read, shown(jsonPath)), labels: labels as string[] };
}
