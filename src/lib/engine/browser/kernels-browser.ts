/**
 * The project's own WASM SIMD kernels (src/kernels/) in the browser: the binary built with the
 * site (virtual:googlenet-kernels), compiled once per page, and GoogLeNet started on it with
 * helper threads in Blob-URL workers sharing its memory, its weights packed in a worker. Where the
 * page is cross-origin isolated and has a core to spare, the helpers do all the work and the page
 * awaits them (Atomics.waitAsync), so it keeps drawing; on two cores the page's thread computes
 * beside one helper (see kernel-choice.ts); otherwise the page's thread runs the network alone.
 */
import { kernelsUrl } from 'virtual:googlenet-kernels';
import { copyBlock, createSimdGoogLeNet, HELPER_SOURCE, weightMemory, type SimdGoogLeNet } from '../../simd/googlenet-simd';
import type { HelperInit } from '../../simd/team';
import type { WeightValues } from '../../simd/weights';
import { EngineError } from '../message';
import { chooseKernels, type KernelChoice } from './kernel-choice';
import { packInWorker } from './pack-weights';
import { yieldToPage } from './yield';

/** Where the page's thread computes, it gives itself back after this many ms of a pass. */
const SLICE_MS = 40;

export interface LoadedKernels extends KernelChoice {
  readonly module: WebAssembly.Module;
}

/** While the packed weights are copied into the kernels' memory, the page gets its turn after this many ms. */
const COPY_SLICE_MS = 20;

/** How long a helper may take to start before the kernels are given up. */
const HELPER_START_MS = 10_000;

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/** Fetches and compiles the kernels this page can run (fails without WASM SIMD, or when the file is missing). */
export async function loadKernels(): Promise<LoadedKernels> {
  const choice = chooseKernels(globalThis.crossOriginIsolated === true, navigator.hardwareConcurrency);
  const url = kernelsUrl[choice.variant];
  let module = compiled.get(url);
  if (!module) {
    module = (async () => {
      const response = await fetch(url);
      if (!response.ok) throw EngineError.of('engine.kernels.answered', { file: String(url.split('/').pop()), status: response.status });
      return WebAssembly.compile(await response.arrayBuffer());
    })();
    compiled.set(url, module);
    module.catch(() => compiled.delete(url)); // a later try fetches again
  }
  return { ...choice, module: await module };
}

let helperUrl: string | undefined;

/** Starts one helper in a classic worker; resolves once its kernels are instantiated. */
function spawnHelper(init: HelperInit): { worker: Worker; started: Promise<void> } {
  helperUrl ??= URL.createObjectURL(
    new Blob([`${HELPER_SOURCE}\nself.onmessage = (e) => helperLoop(e.data, () => self.postMessage('started'));`], { type: 'text/javascript' })
  );
  const worker = new Worker(helperUrl, { name: `googlenet-helper-${init.index + 1}` });
  const started = new Promise<void>((resolve, reject) => {
    const n = init.index + 1;
    const timer = setTimeout(() => reject(EngineError.of('engine.kernels.helperSilent', { n })), HELPER_START_MS);
    worker.onmessage = () => (clearTimeout(timer), resolve());
    worker.onerror = (e) => (
      clearTimeout(timer),
      reject(e.message ? EngineError.of('engine.kernels.helperFailed', { n, error: e.message }) : EngineError.of('engine.kernels.helperFailedNoReason', { n }))
    );
  });
  worker.postMessage(init);
  return { worker, started };
}

/** GoogLeNet on the kernels, from the weights as plain arrays; its helpers are running when it resolves. */
export async function startKernelNetwork(kernels: LoadedKernels, values: WeightValues): Promise<SimdGoogLeNet> {
  const started: Promise<void>[] = [];
  const layout = await packInWorker(values);
  // About 80 MB of packed weights: copied a few blocks at a time, not in one freeze of the page.
  const memory = weightMemory(layout, kernels.variant === 'shared');
  let since = performance.now();
  for (const block of layout.blocks) {
    copyBlock(memory, block);
    if (performance.now() - since >= COPY_SLICE_MS) {
      await yieldToPage();
      since = performance.now();
    }
  }
  const net = createSimdGoogLeNet(kernels.module, values, {
    layout,
    memory,
    threads: kernels.threads,
    sharedMemory: kernels.variant === 'shared',
    spinOnly: true,
    // With a core to spare, every part runs in the helpers and the page awaits them (forwardAsync).
    offThread: kernels.offThread && typeof Atomics.waitAsync === 'function',
    // Otherwise the pass runs in slices, so that the page never freezes for a whole one.
    slices: { ms: SLICE_MS, pause: yieldToPage },
    spawn: (init) => {
      const helper = spawnHelper(init);
      started.push(helper.started);
      return helper.worker;
    }
  });
  try {
    await Promise.all(started);
  } catch (e) {
    net.dispose();
    throw e;
  }
  return net;
}
