/**
 * GoogLeNet on the project's own WASM kernels (src/kernels/): the same plan as the tfjs engine,
 * compiled by program.ts, run on this thread and helper threads over one shared memory. It
 * implements the engine's GoogLeNet interface, so classification, crops and the benchmark use
 * it unchanged: tensors come in and go out through tfjs (any backend), the pass runs here.
 */
import * as tf from '@tensorflow/tfjs';
import { plan as makePlan, type Plan } from '../core/plan';
import { tapShapes, type ForwardOptions, type ForwardResult, type GoogLeNet } from '../engine/googlenet';
import { shapeText } from '../engine/weight-spec';
import { compile, KERNELS, type CompileOptions, type KernelName, type Program, type Step, type View } from './program';
import { encodeSteps, encodeWhole, ensureBytes, HELPER_SOURCE, MAX_PAGES, Team, type HelperInit } from './team';
import { HEAP_START, layoutWeights, type WeightLayout, type WeightValues } from './weights';

/** Starts a helper thread that runs `helperLoop(init)` from HELPER_SOURCE. */
export type SpawnHelper = (init: HelperInit) => { terminate(): unknown };

export interface SimdOptions {
  /** Threads in all, this one included (default 1). */
  readonly threads?: number;
  /** Needed for more than one thread. */
  readonly spawn?: SpawnHelper;
  readonly plan?: Plan;
  /** Tuning, see CompileOptions (tests change it to run Winograd on small maps, in many blocks). */
  readonly tuning?: Pick<CompileOptions, 'winogradMinTiles' | 'winogradBlockBytes'>;
  /**
   * A shared memory (default true), as the threaded kernels import; false for the kernels built
   * without threads (a page that is not cross-origin isolated cannot make a shared one): one thread.
   */
  readonly sharedMemory?: boolean;
  /** This thread never sleeps while it waits for the helpers (a browser's main thread); see TeamOptions. */
  readonly spinOnly?: boolean;
  /**
   * All `threads` are helpers and this thread computes nothing, so `forwardAsync` can leave it
   * free (a page keeps drawing while the network runs). Needs Atomics.waitAsync.
   */
  readonly offThread?: boolean;
  /**
   * The weights laid out already from HEAP_START (layoutWeights of the same plan and values),
   * e.g. packed in a worker so that the page's thread does not spend seconds on it.
   */
  readonly layout?: WeightLayout;
  /**
   * The kernels' memory with `layout`'s blocks in it already (copied by the caller, e.g. a few at
   * a time so that a page keeps drawing); shared as `sharedMemory` says. Default: a new memory,
   * filled here.
   */
  readonly memory?: WebAssembly.Memory;
  /**
   * Where this thread computes too (not `offThread`): `forwardAsync` runs the pass in slices of
   * at most `ms`, awaiting `pause` between them, so that a page never freezes for a whole pass.
   */
  readonly slices?: { readonly ms: number; readonly pause: () => Promise<void> };
}

export interface StepTime {
  /** The layers of the step (an Inception module's run in steps of one layer per branch). */
  readonly names: readonly string[];
  readonly ms: number;
}

export interface SimdGoogLeNet extends GoogLeNet {
  readonly threads: number;
  /** Where a pass of `input` spends its time: ms per step, the mean over `runs` passes (after one). */
  profile(input: tf.Tensor4D, runs: number): StepTime[];
  /** Bytes of kernel memory in use (weights, tensors and scratch of the largest batch so far). */
  memoryBytes(): number;
  /** `forward` that leaves this thread free while the helpers work (`offThread`), or gives it back between slices (`slices`). */
  readonly forwardAsync?: (input: tf.Tensor4D, options?: ForwardOptions) => Promise<ForwardResult>;
}

export { MAX_PAGES };

function softmax(logits: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let at = 0; at < logits.length; at += classes) {
    let max = -Infinity;
    for (let i = 0; i < classes; i++) max = Math.max(max, logits[at + i] as number);
    let sum = 0;
    for (let i = 0; i < classes; i++) sum += out[at + i] = Math.exp((logits[at + i] as number) - max);
    for (let i = 0; i < classes; i++) out[at + i] = (out[at + i] as number) / sum;
  }
  return out;
}

/** A memory for the kernels, as large as `layout` needs. */
export function weightMemory(layout: WeightLayout, shared: boolean): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: Math.ceil(layout.end / 65536), maximum: MAX_PAGES, shared });
}

/** Copies one block of the layout to its place in `memory`. */
export function copyBlock(memory: WebAssembly.Memory, block: WeightLayout['blocks'][number]): void {
  new Float32Array(memory.buffer, block.ptr, block.data.length).set(block.data);
}

export function createSimdGoogLeNet(module: WebAssembly.Module, values: WeightValues, options: SimdOptions = {}): SimdGoogLeNet {
  const p = options.plan ?? makePlan();
  const shared = options.sharedMemory ?? true;
  if (!shared && (options.threads ?? 1) > 1) throw new Error('more than one thread needs a shared memory');
  const threads = Math.max(1, options.spawn ? (options.threads ?? 1) : 1);
  const layout = options.layout ?? layoutWeights(p, values, HEAP_START);
  const memory = options.memory ?? weightMemory(layout, shared);
  if (options.memory) ensureBytes(memory, layout.end);
  else for (const b of layout.blocks) copyBlock(memory, b);
  const exports = new WebAssembly.Instance(module, { env: { memory, abort: () => { throw new Error('kernel abort'); } } }).exports;
  const fns = Object.fromEntries(KERNELS.map((k) => [k, exports[k] as (...args: number[]) => void])) as Record<KernelName, (...args: number[]) => void>;
  const offThread = (options.offThread ?? false) && threads > 1;
  const slices = offThread ? undefined : options.slices;
  const helpers = offThread ? threads : threads - 1;
  const control = Team.control(helpers);
  const workers = Array.from({ length: helpers }, (_, index) =>
    (options.spawn as SpawnHelper)({ module, memory, control: control as SharedArrayBuffer, index, helpers, kernels: [...KERNELS] })
  );
  const team = new Team((k, args) => fns[k](...args), control, helpers, { spinOnly: options.spinOnly, idleCaller: offThread });
  let busy = false;
  const shapes = tapShapes(p, layout.auxHeads);
  const [h, w, c] = p.network.input;
  const programs = new Map<number, Program>();
  /**
   * The calls as the helpers read them, written once per program, way of running (per step, or
   * whole passes) and set of heads run, each after the one before; not again on every pass.
   */
  const encodings = new Map<string, readonly number[] | readonly (readonly number[])[]>();
  let encodedEnd = 0;
  function encoded<T extends readonly number[] | readonly (readonly number[])[]>(key: string, write: (at: number) => { lists: T; end: number }): T {
    let lists = encodings.get(key) as T | undefined;
    if (!lists) {
      const written = write(encodedEnd);
      encodedEnd = written.end;
      encodings.set(key, (lists = written.lists));
    }
    return lists;
  }

  function programFor(batch: number): Program {
    let prog = programs.get(batch);
    if (!prog) {
      prog = compile(p, layout, { ...options.tuning, batch, threads, start: layout.end });
      if (prog.end > MAX_PAGES * 65536) throw new Error(`a batch of ${batch} needs ${Math.ceil(prog.end / 2 ** 20)} MiB, more than the kernels' 2 GiB`);
      programs.clear(); // programs share the memory after the weights: keep the latest only
      programs.set(batch, prog);
      encodings.clear();
      encodedEnd = prog.end;
    }
    return prog;
  }

  const read = (v: View): Float32Array => {
    const out = new Float32Array(v.n * v.h * v.w * v.c);
    const all = new Float32Array(memory.buffer);
    const from = v.ptr / 4;
    for (let px = 0; px < v.n * v.h * v.w; px++) out.set(all.subarray(from + px * v.ld, from + px * v.ld + v.c), px * v.c);
    return out;
  };

  /** Checks a pass, lays its input and calls out in memory; `finish` reads what it made. */
  function begin(input: tf.Tensor4D, options: ForwardOptions) {
    const wanted = new Set(options.taps ?? []);
    const unknown = [...wanted].find((t) => !shapes.has(t));
    if (unknown !== undefined) throw new Error(`unknown tap "${unknown}" (e.g. inception_4c/3x3, inception_4c/output)`);
    if (input.shape[1] !== h || input.shape[2] !== w || input.shape[3] !== c)
      throw new Error(`input is ${shapeText(input.shape.slice(1))}, the network needs ${h}x${w}x${c}`);
    if (busy) throw new Error('the network is already running a pass');
    const n = input.shape[0];
    const prog = programFor(n);
    const heads = [...prog.aux].filter(([name]) => (options.aux ?? true) || [...wanted].some((t) => t.startsWith(`${name}/`)));
    const steps: Step[] = [...prog.steps, ...heads.flatMap(([, head]) => head.steps)];
    ensureBytes(memory, prog.end);
    new Float32Array(memory.buffer, prog.input.ptr, n * h * w * c).set(input.dataSync());
    const key = heads.map(([name]) => name).join(',');
    return { n, prog, heads, steps, key, wanted };
  }

  function finish({ n, prog, heads, wanted }: ReturnType<typeof begin>): ForwardResult {
    const classes = prog.logits.c;
    const probs = softmax(read(prog.logits), classes);
    const aux: Record<string, tf.Tensor2D> = {};
    const auxProbs = new Map<string, Float32Array>();
    for (const [name, head] of heads) {
      auxProbs.set(name, softmax(read(head.logits), head.logits.c));
      aux[name] = tf.tensor2d(auxProbs.get(name) as Float32Array, [n, head.logits.c]);
    }
    const taps: Record<string, tf.Tensor4D> = {};
    for (const t of wanted) {
      const v = prog.taps.get(t) as View & { softmax?: boolean };
      const data = v.softmax ? (t.includes('/') ? auxProbs.get(t.split('/')[0] as string) : probs) : read(v);
      taps[t] = tf.tensor4d(data as Float32Array, [n, v.h, v.w, v.c]);
    }
    return { probs: tf.tensor2d(probs, [n, classes]), taps, aux };
  }

  function forward(input: tf.Tensor4D, options: ForwardOptions = {}, times?: Float64Array): ForwardResult {
    const pass = begin(input, options);
    const lists = encoded(`steps|${pass.key}`, (at) => encodeSteps(memory, pass.steps, helpers, at, team.firstHelperPart));
    busy = true;
    try {
      team.run(pass.steps, lists, times);
    } finally {
      busy = false;
    }
    return finish(pass);
  }

  async function forwardAsync(input: tf.Tensor4D, options: ForwardOptions = {}): Promise<ForwardResult> {
    const pass = begin(input, options);
    busy = true;
    try {
      if (offThread) await team.runAsync(pass.steps, encoded(`whole|${pass.key}`, (at) => encodeWhole(memory, pass.steps, helpers, at)));
      else if (slices) {
        const lists = encoded(`steps|${pass.key}`, (at) => encodeSteps(memory, pass.steps, helpers, at, team.firstHelperPart));
        await team.runSliced(pass.steps, lists, slices.ms, slices.pause);
      }
    } finally {
      busy = false;
    }
    return finish(pass);
  }

  return {
    plan: p,
    auxHeads: layout.auxHeads,
    tapShapes: shapes,
    threads,
    forward: (input, options) => forward(input, options),
    forwardAsync: offThread || slices ? forwardAsync : undefined,
    profile(input, runs) {
      const dispose = (r: ForwardResult) => tf.dispose([r.probs, ...Object.values(r.taps), ...Object.values(r.aux)]);
      dispose(forward(input, { aux: false }));
      const steps = programFor(input.shape[0]).steps;
      const times = new Float64Array(steps.length);
      for (let i = 0; i < runs; i++) dispose(forward(input, { aux: false }, times));
      return steps.map((s, i) => ({ names: s.names, ms: (times[i] as number) / runs }));
    },
    memoryBytes: () => memory.buffer.byteLength,
    dispose: () => {
      team.stop();
      for (const worker of workers) void worker.terminate();
    }
  };
}

export { HELPER_SOURCE };
