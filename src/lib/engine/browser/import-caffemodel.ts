/**
 * A `.caffemodel` (or `synset_words.txt`) the reader gives the page: parsed in a Web Worker with
 * the engine's own parser and importer, so the page keeps responding while it works.
 */
import { bytes as formatBytes } from '../../core/format';
import type { ImportedWeights, Weight } from '../import-blobs';
import { MAX_CAFFEMODEL_BYTES, parseSynsetWords } from '../import-blobs';

export type WorkerReply =
  | { ok: true; weights: { name: string; shape: number[]; data: Float32Array }[]; auxHeads: string[]; netName: string }
  | { ok: false; message: string };

export interface ImportedCaffemodel extends ImportedWeights {
  readonly source: string;
}

export async function importCaffemodel(file: File): Promise<ImportedCaffemodel> {
  if (file.size === 0) throw new Error(`${file.name} is empty (0 bytes)`);
  if (file.size > MAX_CAFFEMODEL_BYTES)
    throw new Error(`${file.name}: file is ${formatBytes(file.size)}: the limit for a caffemodel is ${formatBytes(MAX_CAFFEMODEL_BYTES)}`);
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./caffemodel.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<WorkerReply>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(`the import worker failed: ${e.message || 'unknown error'}`));
      worker.postMessage(bytes, [bytes]);
    });
    if (!reply.ok) throw new Error(`${file.name}: ${reply.message}`);
    const weights: Weight[] = reply.weights;
    return { weights, auxHeads: reply.auxHeads, source: `${file.name} (imported in this browser)` };
  } finally {
    worker.terminate();
  }
}

/** The 1000 class names from Caffe's `synset_words.txt`. */
export async function importSynsetWords(file: File): Promise<string[]> {
  if (file.size === 0) throw new Error(`${file.name} is empty (0 bytes)`);
  try {
    return parseSynsetWords(await file.text());
  } catch (e) {
    throw new Error(`${file.name}: ${(e as Error).message}`);
  }
}
