/**
 * Chooses the tfjs backend: the one asked for, or the best available (WebGPU, WebGL, WASM, CPU),
 * falling back down that order when one cannot start. Backends load lazily: WebGPU only in a
 * browser (dynamic import, so Node never loads it), WASM only when tried.
 */
import * as tf from '@tensorflow/tfjs';
import { EngineError } from './message';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/** What can run outside a browser. */
export const NODE_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

export interface BackendOptions {
  /** Where the .wasm files are: a folder (ending in /) or one URL/path per binary name. */
  readonly wasmPaths?: string | Record<string, string>;
  /** Threads for WASM (needs a cross-origin isolated page, or Node's shim in lib/node). */
  readonly wasmThreads?: number;
  /** Fail instead of falling back when `preferred` cannot start. */
  readonly strict?: boolean;
  /** Called before a backend is tried (e.g. to install Node's thread shim for WASM). */
  readonly beforeInit?: (name: BackendName) => void | Promise<void>;
}

export const inBrowser = (): boolean => typeof window !== 'undefined' && typeof document !== 'undefined';

/** The backends worth trying here, best first. */
export function candidates(): readonly BackendName[] {
  if (!inBrowser()) return NODE_BACKENDS;
  const gpu = typeof navigator !== 'undefined' && 'gpu' in navigator;
  return BACKEND_ORDER.filter((b) => b !== 'webgpu' || gpu);
}

let wasmConfigured = false;

async function register(name: BackendName, options: BackendOptions): Promise<void> {
  if (tf.findBackendFactory(name)) {
    if (name !== 'wasm' || wasmConfigured) return;
  }
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (!wasmConfigured) {
      if (options.wasmPaths) wasm.setWasmPaths(options.wasmPaths);
      if (options.wasmThreads) wasm.setThreadsCount(options.wasmThreads);
      wasmConfigured = true;
    }
  }
}

async function tryBackend(name: BackendName, options: BackendOptions): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    await register(name, options);
    await options.beforeInit?.(name);
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** A backend that cannot start, with its catalogue key (errorText shows it in the reader's edition). */
export class BackendError extends EngineError {}

/** Sets the backend and returns the name in use. */
export async function selectBackend(preferred?: BackendName, options: BackendOptions = {}): Promise<BackendName> {
  const here = candidates();
  if (preferred && options.strict && !here.includes(preferred))
    throw BackendError.of('engine.backend.notHere', { name: preferred, list: here.join(', ') });
  const order = preferred ? [preferred, ...here.filter((b) => b !== preferred)] : here;
  for (const name of order) {
    if (!here.includes(name)) continue;
    if (await tryBackend(name, options)) {
      await tf.ready();
      return name;
    }
    if (options.strict) throw BackendError.of('engine.backend.couldNotStart', { name });
  }
  throw BackendError.of('engine.backend.noneStarted', { list: order.join(', ') });
}

/** The WASM backend's thread count once it runs (1 when single-threaded). */
export async function wasmThreadsInUse(): Promise<number> {
  if (tf.getBackend() !== 'wasm') return 0;
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  return wasm.getThreadsCount();
}
