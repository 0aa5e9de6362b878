/**
 * A `.caffemodel` (or `synset_words.txt`) the reader gives the page: parsed in a Web Worker with
 * the engine's own parser and importer, so the page keeps responding while it works.
 */
import { bytes as formatBytes } from '../../core/format';
import type { ImportedWeights, Weight } from '../import-blobs';
import { MAX_CAFFEMODEL_BYTES, parseSynsetWords } from '../import-blobs';
import { EngineError, messageOf, type EngineMessage } from '../message';

/** A failure crosses postMessage as its message, with its catalogue key where it has one. */
export type WorkerReply =
  | { ok: true; weights: { name: string; shape: number[]; data: Float32Array }[]; auxHeads: string[]; netName: string }
  | ({ ok: false } & (EngineMessage | { readonly message: string }));

/**
 * `file`'s name before `inner`'s English ("cat.caffemodel: not a Caffe model file ..."); the key
 * stays `inner`'s, so the reader's edition shows the reason itself, without the name.
 */
function inFile(file: File, inner: EngineMessage | { readonly message: string }): EngineError {
  const message = `${file.name}: ${inner.message}`;
  return 'key' in inner ? new EngineError({ ...inner, message }) : new EngineError(message);
}

export interface ImportedCaffemodel extends ImportedWeights {
  readonly source: string;
}

export async function importCaffemodel(file: File): Promise<ImportedCaffemodel> {
  if (file.size === 0) throw EngineError.of('engine.import.empty', { file: file.name });
  if (file.size > MAX_CAFFEMODEL_BYTES)
    throw EngineError.of('engine.import.tooLarge', { file: file.name, size: formatBytes(file.size), limit: formatBytes(MAX_CAFFEMODEL_BYTES) });
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('./caffemodel.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<WorkerReply>) => resolve(e.data);
      worker.onerror = (e) =>
        reject(e.message ? EngineError.of('engine.import.workerFailed', { error: e.message }) : EngineError.of('engine.import.workerFailedNoReason'));
      worker.postMessage(bytes, [bytes]);
    });
    if (!reply.ok) throw inFile(file, messageOf(reply));
    const weights: Weight[] = reply.weights;
    return { weights, auxHeads: reply.auxHeads, source: `${file.name} (imported in this browser)` };
  } finally {
    worker.terminate();
  }
}

/** The 1000 class names from Caffe's `synset_words.txt`. */
export async function importSynsetWords(file: File): Promise<string[]> {
  if (file.size === 0) throw EngineError.of('engine.import.empty', { file: file.name });
  try {
    return parseSynsetWords(await file.text());
  } catch (e) {
    throw inFile(file, messageOf(e));
  }
}
