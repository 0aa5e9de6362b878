/**
 * Which build of the project's own WASM kernels a page can run, on how many threads, and how the
 * page names the engine in use. Pure, so it is tested in Node: threads need a cross-origin
 * isolated page (shared memory); elsewhere the kernels run alone on the page's thread.
 */
import type { KernelVariant } from '../../node/kernel-build'; // the type only: nothing of Node reaches the page
import type { BackendName } from '../backend';
import { engineMessage, type EngineMessage } from '../message';

export type { KernelVariant };

export interface KernelChoice {
  readonly variant: KernelVariant;
  /** Threads that compute: helpers, and the page's own unless `offThread`. */
  readonly threads: number;
  /** Every computing thread is a helper and the page's own stays free while a pass runs. */
  readonly offThread: boolean;
}

/** At most this many threads: GoogLeNet's small layers gain little from more. */
const MAX_KERNEL_THREADS = 4;

/**
 * With a core to spare, the helpers compute and the page's thread stays free. On two cores or
 * fewer the page's thread computes beside one helper: two helpers and the page's own work fight
 * over two cores, and a pass took about 1.6x as long that way (78 ms against 48 on a 2-core
 * machine) for a page that is busy for one pass at a time either way (a batch yields between).
 */
export function chooseKernels(isolated: boolean, cores: number | undefined): KernelChoice {
  if (!isolated) return { variant: 'single', threads: 1, offThread: false };
  const n = Math.max(1, Math.floor(cores ?? 1));
  if (n >= 3) return { variant: 'shared', threads: Math.min(MAX_KERNEL_THREADS, n - 1), offThread: true };
  return { variant: 'shared', threads: n, offThread: false };
}

/** What runs the network, for the WASM backend (null on the others): our kernels and their threads, or tfjs's. */
export function engineLabel(backend: BackendName | null, kernelThreads: number | null): string | null {
  return engineLabelMessage(backend, kernelThreads)?.message ?? null;
}

/** `engineLabel` with its catalogue key ("tfjs", a product name, has none), for the reader's edition. */
export function engineLabelMessage(backend: BackendName | null, kernelThreads: number | null): EngineMessage | { readonly message: string } | null {
  if (backend !== 'wasm') return null;
  if (kernelThreads === null) return { message: 'tfjs' };
  return kernelThreads === 1 ? engineMessage('engine.kernels.ownOne') : engineMessage('engine.kernels.own', { n: kernelThreads });
}
