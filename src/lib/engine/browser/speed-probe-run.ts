/**
 * The short test pass of speed-probe.ts, run on each candidate backend in turn: one 3x3
 * convolution of a 28x28x64 map with 64 filters (inception_3a's 3x3 is about this size),
 * once to warm up (a GPU backend compiles its shader) and then timed, the best of a few. A
 * backend whose warm-up takes longer than the whole budget is not timed further (a software
 * GPU takes seconds). WASM runs on tfjs's kernels here, on one thread, slower than the
 * network's own: the test favours the GPU, never WASM.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendName } from '../backend';
import type { ProbeTiming } from './speed-probe';
import { WASM_PATHS } from './wasm-paths';

const TIMED_RUNS = 3;
/** A backend's warm-up past this (ms) ends its test: it is slow here whatever the timed runs say. */
const WARM_UP_BUDGET_MS = 400;

async function onePass(): Promise<number> {
  const start = performance.now();
  const out = tf.tidy(() => tf.conv2d(tf.ones([1, 28, 28, 64]) as tf.Tensor4D, tf.fill([3, 3, 64, 64], 0.01) as tf.Tensor4D, 1, 'same'));
  try {
    await out.data();
  } finally {
    out.dispose();
  }
  return performance.now() - start;
}

/** Times the test pass on each backend (null where it cannot start or fails); leaves the backend that ran last. */
export async function timeBackends(candidates: readonly BackendName[]): Promise<ProbeTiming[]> {
  const timings: ProbeTiming[] = [];
  for (const backend of candidates) {
    try {
      // One tfjs thread on WASM, as the engine sets it when the own kernels run the network.
      await selectBackend(backend, { strict: true, wasmPaths: WASM_PATHS, wasmThreads: 1 });
      const warm = await onePass();
      if (warm > WARM_UP_BUDGET_MS) {
        timings.push({ backend, ms: warm });
        continue;
      }
      let best = Infinity;
      for (let i = 0; i < TIMED_RUNS; i++) best = Math.min(best, await onePass());
      timings.push({ backend, ms: best });
    } catch {
      timings.push({ backend, ms: null });
    }
  }
  return timings;
}
