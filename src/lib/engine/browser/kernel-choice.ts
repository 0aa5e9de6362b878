/**
 * Which build of the project's own WASM kernels a page can run, on how many threads, and how the
 * page names the engine in use. Pure, so it is tested in Node: threads need a cross-origin
 * isolated page (shared memory); elsewhere the kernels run alone on the page's thread.
 */
import type { KernelVariant } from '../../node/kernel-build'; // the type only: nothing of Node reaches the page
import type { BackendName } from '../backend';

export type { KernelVariant };

export interface KernelChoice {
  readonly variant: KernelVariant;
  /** Threads in all, the page's included. */
  readonly threads: number;
}

/** At most this many threads: the page's thread spins while it waits, and GoogLeNet's small layers gain little from more. */
const MAX_KERNEL_THREADS = 4;

export function chooseKernels(isolated: boolean, cores: number | undefined): KernelChoice {
  const threads = isolated ? Math.max(1, Math.min(MAX_KERNEL_THREADS, Math.floor(cores ?? 1))) : 1;
  return { variant: isolated ? 'shared' : 'single', threads };
}

/** What runs the network, for the WASM backend (null on the others): our kernels and their threads, or tfjs's. */
export function engineLabel(backend: BackendName | null, kernelThreads: number | null): string | null {
  if (backend !== 'wasm') return null;
  if (kernelThreads === null) return 'tfjs';
  return `own SIMD kernels, ${kernelThreads} thread${kernelThreads === 1 ? '' : 's'}`;
}
