/**
 * The weights laid out for the WASM kernels in a worker (pack.worker.ts), so that the page keeps
 * drawing meanwhile. The values are copied to the worker (the page keeps its own, to rebuild the
 * network on another backend) a few megabytes per message, with the page's turn between
 * messages (one message of all of them froze the page while it was copied); the packed arrays
 * come back transferred.
 */
import { weightSpecs } from '../weight-spec';
import type { WeightLayout, WeightValues } from '../../simd/weights';
import { EngineError } from '../message';
import { yieldToPage } from './yield';

export type PackReply = { ok: true; layout: WeightLayout } | { ok: false; message: string };

/** Values copied to the worker per message. */
const MESSAGE_FLOATS = 1 << 20;

/** The weights in messages of about `floats` values each (a larger weight goes alone). */
export function messages(values: WeightValues, floats = MESSAGE_FLOATS): [string, Float32Array][][] {
  const out: [string, Float32Array][][] = [];
  let current: [string, Float32Array][] = [];
  let size = 0;
  for (const s of weightSpecs()) {
    const v = values(s.name);
    if (!v) continue;
    if (size > 0 && size + v.length > floats) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push([s.name, v]);
    size += v.length;
  }
  if (current.length) out.push(current);
  return out;
}

export async function packInWorker(values: WeightValues): Promise<WeightLayout> {
  const worker = new Worker(new URL('./pack.worker.ts', import.meta.url), { type: 'module', name: 'googlenet-pack' });
  try {
    const reply = new Promise<PackReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<PackReply>) => resolve(e.data);
      worker.onerror = (e) =>
        reject(e.message ? EngineError.of('engine.kernels.packFailed', { error: e.message }) : EngineError.of('engine.kernels.packFailedNoReason'));
    });
    reply.catch(() => undefined); // heard below; a failure while the messages go out is not unhandled meanwhile
    for (const part of messages(values)) {
      worker.postMessage(part);
      await yieldToPage();
    }
    worker.postMessage(null);
    const answer = await reply;
    if (!answer.ok) throw new Error(answer.message);
    return answer.layout;
  } finally {
    worker.terminate();
  }
}
