/**
 * tfjs backends in Node: WASM (SIMD, and threads through a shim) or CPU.
 *
 * tfjs-backend-wasm 4.22 turns threads off in Node: its feature test says no, its pthread workers
 * are started from blob: URLs (which Node's Worker refuses), and XNNPACK caps threads at half of
 * os.cpus(). The shim answers all three: the flag is set, a blob: worker is started from the
 * package's own worker source with the threaded module's file path, and os.cpus() is widened
 * while the module initialises. If the threaded start fails, WASM starts single-threaded.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import workerThreads from 'node:worker_threads';
import { selectBackend, type BackendName } from '../engine/backend';

const require = createRequire(import.meta.url);
const wasmPackage = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
export const WASM_DIST = join(wasmPackage, 'dist') + '/';

/** tfjs's own backends in Node. */
export type NodeBackend = 'wasm' | 'cpu';

let workerPatched = false;

function patchWorker(): void {
  if (workerPatched) return;
  const source: string = require(join(wasmPackage, 'wasm-out/tfjs-backend-wasm-threaded-simd.worker.js')).wasmWorkerContents;
  const moduleFile = join(wasmPackage, 'wasm-out/tfjs-backend-wasm-threaded-simd.js');
  // Inside the worker, the module arrives as a Blob; point importScripts at the file instead.
  const prelude = `URL.createObjectURL=()=>${JSON.stringify(moduleFile)};URL.revokeObjectURL=()=>{};`;
  const code = prelude + source.replace(/\n/g, '\\n');
  const Base = workerThreads.Worker;
  class BlobAwareWorker extends Base {
    constructor(url: string | URL, options?: workerThreads.WorkerOptions) {
      // The worker source is CommonJS: drop an inherited --input-type=module.
      const execArgv = process.execArgv.filter((a, i, all) => !a.startsWith('--input-type') && all[i - 1] !== '--input-type');
      if (typeof url === 'string' && url.startsWith('blob:')) super(code, { ...options, eval: true, execArgv });
      else super(url, options);
    }
  }
  (workerThreads as { Worker: typeof Base }).Worker = BlobAwareWorker;
  workerPatched = true;
}

export interface NodeBackendInfo {
  readonly backend: NodeBackend;
  /** WASM threads in use (0 for CPU). */
  readonly threads: number;
}

type Listener = (...args: unknown[]) => void;
const listeners = (): Listener[][] => [
  process.listeners('uncaughtException') as Listener[],
  process.listeners('unhandledRejection') as Listener[]
];

async function start(backend: NodeBackend, threads: number): Promise<void> {
  const cpus = os.cpus;
  const before = listeners();
  try {
    await selectBackend(backend, {
      strict: true,
      wasmPaths: WASM_DIST,
      beforeInit: async (name: BackendName) => {
        if (name !== 'wasm') return;
        (await import('@tensorflow/tfjs-backend-wasm')).setThreadsCount(Math.max(1, threads));
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
        if (threads > 1) {
          patchWorker();
          // XNNPACK uses at most half the logical cores it is told about.
          const real = cpus();
          os.cpus = () => Array.from({ length: 2 * threads }, (_, i) => real[i % real.length] as os.CpuInfo);
        }
      }
    });
  } finally {
    os.cpus = cpus;
    // Emscripten's handlers rethrow, printing the whole minified module; errors are ours to report.
    const [uncaught, rejected] = listeners();
    for (const l of uncaught ?? []) if (!before[0]?.includes(l)) process.removeListener('uncaughtException', l);
    for (const l of rejected ?? []) if (!before[1]?.includes(l)) process.removeListener('unhandledRejection', l);
  }
}

/** Starts `backend` (default WASM, threads = cores, at most 8). Returns what runs. */
export async function startNodeBackend(backend: NodeBackend = 'wasm', threads = Math.min(8, os.cpus().length)): Promise<NodeBackendInfo> {
  tf.enableProdMode(); // also silences the "install tfjs-node" notice of the CPU backend
  if (backend === 'cpu') {
    await start('cpu', 0);
    return { backend, threads: 0 };
  }
  try {
    await start('wasm', threads);
  } catch (e) {
    if (threads <= 1) throw e;
    await start('wasm', 1); // the registry keeps the factory; a failed start can be retried
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  return { backend, threads: wasm.getThreadsCount() };
}
