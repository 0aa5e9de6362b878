/**
 * Starts a tfjs backend inside the gradient worker: the one the reader chose for the page where a
 * worker can run it (WebGPU where the worker sees `navigator.gpu`, WebGL through an
 * OffscreenCanvas with WebGL 2), else tfjs's WASM backend, with the reason. The project's own
 * WASM kernels have no backward pass, so WASM here is always tfjs's (XNNPACK) kernels, on one thread.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../backend';
import { BACKEND_LABELS } from './backend-probe';
import { WASM_PATHS } from './wasm-paths';

export interface StartedBackend {
  readonly backend: BackendName;
  /** Why it is not the one asked for (null when it is). */
  readonly reason: string | null;
}

let wasmConfigured = false;

/** Why `name` cannot run in this worker, or null when it may. */
function missing(name: BackendName): string | null {
  if (name === 'webgpu' && !(typeof navigator !== 'undefined' && 'gpu' in navigator)) return 'this browser offers no WebGPU to workers';
  if (name === 'webgl' && typeof OffscreenCanvas === 'undefined') return 'this browser has no OffscreenCanvas for WebGL in a worker';
  if (name === 'wasm' && typeof WebAssembly !== 'object') return 'this browser has no WebAssembly';
  return null;
}

async function tryStart(name: BackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (!wasmConfigured) {
      // One thread: tfjs's threaded build starts its helpers from blob workers that fail inside
      // a worker ("e is not defined"); the page's thread stays free either way.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      wasm.setWasmPaths(WASM_PATHS);
      wasmConfigured = true;
    }
  }
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) throw new Error('it did not start');
  await tf.ready();
  if (name === 'webgl') {
    // A WebGL 1 context lacks the float textures the backward kernels need.
    const version = tf.env().getNumber('WEBGL_VERSION');
    if (version < 2) throw new Error('only WebGL 1 in a worker here');
  }
}

/** Starts `asked`, else tfjs-wasm, else CPU; says why when it is not `asked`. */
export async function startBackend(asked: BackendName): Promise<StartedBackend> {
  const order: BackendName[] = [asked, ...(['wasm', 'cpu'] as const).filter((b) => b !== asked)];
  let reason: string | null = null;
  for (const name of order) {
    const why = missing(name);
    if (!why) {
      try {
        await tryStart(name);
        return { backend: name, reason };
      } catch (e) {
        reason ??= `${BACKEND_LABELS[name]} could not start in a worker (${(e as Error).message})`;
        continue;
      }
    }
    reason ??= `${BACKEND_LABELS[name]}: ${why}`;
  }
  throw new Error(`no tfjs backend could start in the gradient worker (${reason ?? 'no reason given'})`);
}
