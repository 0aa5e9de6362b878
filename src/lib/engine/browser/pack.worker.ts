/**
 * Packs the weights for the WASM kernels off the page's thread (GEMM panels and the Winograd
 * transforms take seconds on a slow machine): the layout of simd/weights.ts, handed back with
 * its arrays transferred, not copied. The values arrive in several messages (each a short task
 * for the page to send), then `null` starts the packing.
 */
import { plan } from '../../core/plan';
import { HEAP_START, layoutWeights } from '../../simd/weights';
import type { PackReply } from './pack-weights';

const values = new Map<string, Float32Array>();

self.onmessage = (event: MessageEvent<readonly [string, Float32Array][] | null>) => {
  if (event.data !== null) {
    for (const [name, data] of event.data) values.set(name, data);
    return;
  }
  let reply: PackReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const layout = layoutWeights(plan(), (name) => values.get(name), HEAP_START);
    transfer = layout.blocks.map((b) => b.data.buffer as ArrayBuffer);
    reply = { ok: true, layout };
  } catch (e) {
    reply = { ok: false, message: (e as Error).message };
  }
  values.clear();
  (self as unknown as Worker).postMessage(reply, transfer);
};
