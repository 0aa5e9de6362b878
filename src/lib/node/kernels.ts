/**
 * The WASM kernels (src/kernels/, AssemblyScript) for Node: built on first use (./kernel-build.ts,
 * cached, so they can never be stale and need no build step or binary in the repository), then
 * compiled once. Also starts the helper threads that share their memory.
 */
import { Worker } from 'node:worker_threads';
import { HELPER_SOURCE, type HelperInit } from '../simd/team';
import { buildKernels } from './kernel-build';

export { buildKernels, KERNEL_FLAGS, type KernelVariant } from './kernel-build';

let compiled: Promise<WebAssembly.Module> | undefined;

/** Said at a terminal when the kernels must be built (first use, or after their sources changed). */
function sayBuilding(): void {
  if (process.stderr.isTTY) process.stderr.write('Building the WASM kernels from src/kernels (once, about 10 s)...\n');
}

/** The compiled threaded kernels (built once per source change, then read from the cache). */
export function kernelModule(): Promise<WebAssembly.Module> {
  compiled ??= buildKernels('shared', sayBuilding).then((bytes) => WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>));
  return compiled;
}

/** Starts one helper thread (worker_threads) running the kernels' helper loop. */
export function spawnHelper(init: HelperInit): Worker {
  const worker = new Worker(`${HELPER_SOURCE}\nhelperLoop(require('node:worker_threads').workerData);`, {
    eval: true,
    workerData: init,
    execArgv: []
  });
  worker.unref(); // a sleeping helper must not keep the process alive
  return worker;
}
