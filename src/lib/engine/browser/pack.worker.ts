/**
 * Packs the weights for the WASM kernels off the page's thread (GEMM panels and the Winograd
 * transforms take seconds on a slow machine): the layout of simd/weights.ts, handed back with
 * its arrays transferred, not copied.
 */
import { plan } from '../../core/plan';
import { HEAP_START, layoutWeights } from '../../simd/weights';
import type { PackReply } from './pack-weights';

self.onmessage = (event: MessageEvent<readonly [string, Float32Array][]>) => {
  let reply: PackReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const values = new Map(event.data);
    const layout = layoutWeights(plan(), (name) => values.get(name), HEAP_START);
    transfer = layout.blocks.map((b) => b.data.buffer as ArrayBuffer);
    reply = { ok: true, layout };
  } catch (e) {
    reply = { ok: false, message: (e as Error).message };
  }
  (self as unknown as Worker).postMessage(reply, transfer);
};
