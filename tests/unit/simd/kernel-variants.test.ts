/**
 * The kernels as the browser runs them: the `single` build on a plain (not shared) memory, and
 * the threaded build with the calling thread spinning only (a page's main thread cannot sleep),
 * which must give what the threaded build gives in Node. Random weights on the real plan, so it
 * needs no ../shared. Also: a helper that never answers fails the step instead of hanging.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sizeOf, weightSpecs } from '../../../src/lib/engine/weight-spec';
import { buildKernels, KERNEL_MAX_PAGES } from '../../../src/lib/node/kernel-build';
import { kernelModule, spawnHelper } from '../../../src/lib/node/kernels';
import { plan } from '../../../src/lib/core/plan';
import { copyBlock, createSimdGoogLeNet, MAX_PAGES, weightMemory } from '../../../src/lib/simd/googlenet-simd';
import { HEAP_START, layoutWeights } from '../../../src/lib/simd/weights';
import { KERNELS } from '../../../src/lib/simd/program';
import { encodeWhole, Team } from '../../../src/lib/simd/team';
import { random, relativeError } from './helpers';

describe('the kernels as a browser runs them', () => {
  let shared: WebAssembly.Module;
  let single: WebAssembly.Module;
  const values = new Map(weightSpecs().map((s, i) => [s.name, random(i + 1, sizeOf(s.shape), 0.05)]));
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    shared = await kernelModule();
    single = await WebAssembly.compile((await buildKernels('single')) as Uint8Array<ArrayBuffer>);
  }, 120_000);

  it('declares the memory the engine makes', () => {
    expect(KERNEL_MAX_PAGES).toBe(MAX_PAGES);
  });

  it('the single build on a plain memory and the threaded build spinning only agree with the threaded build', () => {
    const input = tf.tensor4d(random(7, 224 * 224 * 3, 100), [1, 224, 224, 3]);
    const taps = ['inception_4c/3x3', 'inception_5b/output'];
    const nets = {
      node: createSimdGoogLeNet(shared, (n) => values.get(n), { threads: 2, spawn: spawnHelper }),
      single: createSimdGoogLeNet(single, (n) => values.get(n), { sharedMemory: false }),
      spinning: createSimdGoogLeNet(shared, (n) => values.get(n), { threads: 2, spawn: spawnHelper, spinOnly: true })
    };
    try {
      expect(nets.single.threads).toBe(1);
      expect(nets.spinning.threads).toBe(2);
      const out = Object.fromEntries(Object.entries(nets).map(([k, net]) => [k, net.forward(input, { taps })]));
      for (const k of ['single', 'spinning']) {
        for (const t of taps) expect(relativeError(out.node!.taps[t]!.dataSync(), out[k]!.taps[t]!.dataSync()), `${k} ${t}`).toBeLessThan(1e-5);
        expect(relativeError(out.node!.probs.dataSync(), out[k]!.probs.dataSync()), k).toBeLessThan(1e-5);
      }
      tf.dispose(Object.values(out).flatMap((r) => [r.probs, ...Object.values(r.taps), ...Object.values(r.aux)]));
    } finally {
      Object.values(nets).forEach((n) => n.dispose());
      input.dispose();
    }
  }, 60_000);

  it('a memory the caller filled block by block (as a page does, between its frames) gives the same pass', () => {
    const input = tf.tensor4d(random(9, 224 * 224 * 3, 100), [1, 224, 224, 3]);
    const layout = layoutWeights(plan(), (n) => values.get(n), HEAP_START);
    const memory = weightMemory(layout, false);
    for (const block of layout.blocks) copyBlock(memory, block);
    const filled = createSimdGoogLeNet(single, (n) => values.get(n), { sharedMemory: false, layout, memory });
    const own = createSimdGoogLeNet(single, (n) => values.get(n), { sharedMemory: false });
    try {
      const [a, b] = [filled.forward(input, { aux: true }), own.forward(input, { aux: true })];
      expect(a.probs.dataSync()).toEqual(b.probs.dataSync());
      for (const head of Object.keys(b.aux)) expect(a.aux[head]!.dataSync(), head).toEqual(b.aux[head]!.dataSync());
      tf.dispose([a.probs, b.probs, ...Object.values(a.aux), ...Object.values(b.aux)]);
    } finally {
      filled.dispose();
      own.dispose();
      input.dispose();
    }
  }, 60_000);

  it('refuses threads without a shared memory', () => {
    expect(() => createSimdGoogLeNet(single, (n) => values.get(n), { sharedMemory: false, threads: 2, spawn: spawnHelper })).toThrow(
      'more than one thread needs a shared memory'
    );
  });

  it('off the calling thread: every part runs on helpers, forwardAsync frees the caller and agrees with forward', async () => {
    const input = tf.tensor4d(random(11, 2 * 224 * 224 * 3, 100), [2, 224, 224, 3]);
    const taps = ['conv2/norm2', 'inception_4c/output'];
    const reference = createSimdGoogLeNet(shared, (n) => values.get(n), { threads: 2, spawn: spawnHelper });
    const net = createSimdGoogLeNet(shared, (n) => values.get(n), { threads: 2, spawn: spawnHelper, offThread: true });
    expect(reference.forwardAsync).toBeUndefined();
    try {
      const want = reference.forward(input, { taps });
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const pending = net.forwardAsync!(input, { taps });
      expect(() => net.forward(input)).toThrow('the network is already running a pass');
      const got = await pending;
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(0); // the caller's event loop ran while the helpers worked
      const again = net.forward(input, { taps }); // the blocking pass works in this mode too
      for (const r of [got, again]) {
        for (const t of taps) expect(relativeError(want.taps[t]!.dataSync(), r.taps[t]!.dataSync()), t).toBeLessThan(1e-6);
        expect(relativeError(want.probs.dataSync(), r.probs.dataSync())).toBeLessThan(1e-6);
      }
      tf.dispose([want, got, again].flatMap((r) => [r.probs, ...Object.values(r.taps), ...Object.values(r.aux)]));
    } finally {
      reference.dispose();
      net.dispose();
      input.dispose();
    }
  }, 60_000);

  it('in slices: the calling thread computes too, gives itself back between slices, and agrees with forward', async () => {
    const input = tf.tensor4d(random(13, 224 * 224 * 3, 100), [1, 224, 224, 3]);
    const taps = ['inception_3a/output', 'inception_5b/output'];
    const reference = createSimdGoogLeNet(shared, (n) => values.get(n), { threads: 2, spawn: spawnHelper, spinOnly: true });
    let pauses = 0;
    const pause = () => new Promise<void>((resolve) => setImmediate(() => (pauses++, resolve())));
    const nets = [
      createSimdGoogLeNet(shared, (n) => values.get(n), { threads: 2, spawn: spawnHelper, spinOnly: true, slices: { ms: 0, pause } }),
      createSimdGoogLeNet(single, (n) => values.get(n), { sharedMemory: false, slices: { ms: 0, pause } })
    ];
    try {
      const want = reference.forward(input, { taps });
      for (const net of nets) {
        pauses = 0;
        const got = await net.forwardAsync!(input, { taps });
        expect(pauses).toBeGreaterThan(20); // a slice of 0 ms: a pause after every step but the last
        for (const t of taps) expect(relativeError(want.taps[t]!.dataSync(), got.taps[t]!.dataSync()), t).toBeLessThan(1e-5);
        expect(relativeError(want.probs.dataSync(), got.probs.dataSync())).toBeLessThan(1e-5);
        tf.dispose([got.probs, ...Object.values(got.taps), ...Object.values(got.aux)]);
      }
      tf.dispose([want.probs, ...Object.values(want.taps), ...Object.values(want.aux)]);
    } finally {
      reference.dispose();
      nets.forEach((n) => n.dispose());
      input.dispose();
    }
  }, 60_000);

  it('a helper that fails inside a whole pass still meets its barriers: the pass ends with an error, not a hang', async () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    const control = Team.control(2) as SharedArrayBuffer;
    const workers = [0, 1].map((index) => spawnHelper({ module: shared, memory, control, index, helpers: 2, kernels: [...KERNELS] }));
    const team = new Team(() => undefined, control, 2, { idleCaller: true, helperTimeoutMs: 10_000 });
    // Helper 0 reads far outside the memory in the first of three steps.
    const outside = { kernel: 'gemm' as const, args: [0x7ff00000, 8, 0, 0, 0, 8, 4, 8, 8, 0] };
    const steps = [
      { names: ['a'], parts: [[outside], []] },
      { names: ['b'], parts: [[], []] },
      { names: ['c'], parts: [[], []] }
    ];
    try {
      await expect(team.runAsync(steps, encodeWhole(memory, steps, 2, 1024).lists)).rejects.toThrow(/^a helper thread failed in a pass of 3 steps$/);
      // And the team still works afterwards.
      await team.runAsync(steps.slice(1), encodeWhole(memory, steps.slice(1), 2, 1024).lists);
    } finally {
      team.stop();
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }, 30_000);

  it('needs no SharedArrayBuffer alone, and a spinning thread gives up on a helper that never answers', () => {
    expect(Team.control(0)).toBeInstanceOf(ArrayBuffer);
    expect(Team.control(1)).toBeInstanceOf(SharedArrayBuffer);
    const team = new Team(() => undefined, Team.control(1), 1, { spinOnly: true, helperTimeoutMs: 50 });
    const step = { names: ['conv1'], parts: [[]] };
    expect(() => team.run([step] as never, [[0]])).toThrow('helper thread 1 stopped answering');
  });
});
