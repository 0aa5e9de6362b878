/**
 * The weights laid out for the WASM kernels in a worker (pack.worker.ts), so that the page keeps
 * drawing meanwhile. The values are copied to the worker (the page keeps its own, to rebuild the
 * network on another backend); the packed arrays come back transferred.
 */
import { weightSpecs } from '../weight-spec';
import type { WeightLayout, WeightValues } from '../../simd/weights';

export type PackReply = { ok: true; layout: WeightLayout } | { ok: false; message: string };

export async function packInWorker(values: WeightValues): Promise<WeightLayout> {
  const entries: [string, Float32Array][] = [];
  for (const s of weightSpecs()) {
    const v = values(s.name);
    if (v) entries.push([s.name, v]);
  }
  const worker = new Worker(new URL('./pack.worker.ts', import.meta.url), { type: 'module', name: 'googlenet-pack' });
  try {
    const reply = await new Promise<PackReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<PackReply>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(`the packing worker failed: ${e.message || 'no reason given'}`));
      worker.postMessage(entries);
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.layout;
  } finally {
    worker.terminate();
  }
}
