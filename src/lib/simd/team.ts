/**
 * Runs a program's steps on the calling thread and `helpers` worker threads that share the
 * kernels' memory. Per step, each helper finds its list of calls encoded in that memory; the
 * threads meet at the end of the step through Atomics on a small control buffer, spinning
 * briefly before they sleep (a step lasts from 20 microseconds to a few milliseconds, so a
 * sleep/wake per step would cost more than the work of the small ones).
 *
 * Control words: [0] generation, [1] a helper's error, [2] and [3] the helpers' own barrier
 * (arrivals, generation), then per helper its call list's index (in int32s) and the last
 * generation it finished.
 *
 * A browser's main thread may not sleep (Atomics.wait throws there), so the calling thread can be
 * told to spin only; it then gives up, rather than hang the page, on a helper that stops answering.
 * Or it can leave the whole pass to the helpers (`idleCaller`, `runAsync`): they then get every
 * step at once (a list that starts with minus the number of steps), meet at their own barrier
 * after each, and the page awaits them once per pass and keeps drawing meanwhile.
 */
import { KERNELS, type Call, type KernelName, type Step } from './program';

/** The kernels as the calling thread runs them. */
export type KernelCall = (kernel: KernelName, args: readonly number[]) => void;

/** What a helper thread is given: the compiled kernels, the shared memory and the control words. */
export interface HelperInit {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: SharedArrayBuffer;
  readonly index: number;
  readonly helpers: number;
  readonly kernels: readonly string[];
}

const GENERATION = 0;
const ERROR = 1;
const ARRIVED = 2;
const BARRIER = 3;
const commandAt = (i: number) => 4 + i;
const doneAt = (helpers: number, i: number) => 4 + helpers + i;
const SPINS = 200_000;

/** The largest memory the kernels declare (2 GiB, in 64 KiB pages); a batch that needs more is refused. */
export const MAX_PAGES = 32768;

export interface TeamOptions {
  /** Never sleep on this thread (a browser's main thread); default false (Node sleeps after spinning). */
  readonly spinOnly?: boolean;
  /**
   * The calling thread computes nothing: helper h runs the program's part h (not h + 1), and
   * `runAsync` lets the calling thread get on with other work (a page keeps drawing) meanwhile.
   */
  readonly idleCaller?: boolean;
  /** With spinOnly: how long to wait for a helper before the step fails (default 30 s). */
  readonly helperTimeoutMs?: number;
}

/**
 * The helper's loop, as source (a worker is started from a string, so it needs no bundling).
 * It runs until its command index is -1; `started`, if given, is called once the kernels are
 * instantiated (a browser's page waits for that before it runs, as it cannot sleep meanwhile).
 */
export const HELPER_SOURCE = `
function helperLoop(init, started) {
  const { module, memory, control, index, helpers, kernels } = init;
  const ctl = new Int32Array(control);
  const ex = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('kernel abort'); } } }).exports;
  if (started) started();
  const fns = kernels.map((k) => ex[k]);
  const waitWhile = (at, value) => {
    let spins = 0;
    while (Atomics.load(ctl, at) === value) if (++spins > ${SPINS}) Atomics.wait(ctl, at, value);
  };
  // Runs one list of calls from m[p]; returns where the next list starts. After a failure the
  // calls are skipped but the lists still walked, so the barriers keep meeting.
  let failed = false;
  const runList = (m, p) => {
    const count = m[p++];
    for (let i = 0; i < count; i++) {
      const n = m[p + 1];
      if (!failed) {
        try {
          fns[m[p]].apply(null, m.subarray(p + 2, p + 2 + n));
        } catch (e) {
          failed = true;
          Atomics.store(ctl, ${ERROR}, 1);
        }
      }
      p += 2 + n;
    }
    return p;
  };
  const barrier = () => {
    const gen = Atomics.load(ctl, ${BARRIER});
    if (Atomics.add(ctl, ${ARRIVED}, 1) === helpers - 1) {
      Atomics.store(ctl, ${ARRIVED}, 0);
      Atomics.add(ctl, ${BARRIER}, 1);
      Atomics.notify(ctl, ${BARRIER});
    } else waitWhile(${BARRIER}, gen);
  };
  let seen = 0;
  for (;;) {
    waitWhile(${GENERATION}, seen);
    seen = Atomics.load(ctl, ${GENERATION});
    const at = Atomics.load(ctl, 4 + index);
    if (at < 0) return;
    const m = new Int32Array(memory.buffer);
    failed = false;
    if (m[at] >= 0) runList(m, at);
    else {
      const steps = -m[at];
      let p = at + 1;
      for (let s = 0; s < steps; s++) {
        p = runList(m, p);
        if (s < steps - 1) barrier();
      }
    }
    Atomics.store(ctl, 4 + helpers + index, seen);
    Atomics.notify(ctl, 4 + helpers + index);
  }
}
`;

/**
 * Writes each helper's calls of `steps` as int32 lists from byte `at`; returns their indices per
 * step and helper. Helper h runs part h + `first` (1 when the calling thread runs part 0).
 */
export function encodeSteps(memory: WebAssembly.Memory, steps: readonly Step[], helpers: number, at: number, first = 1): { lists: number[][]; end: number } {
  const words: number[] = [0]; // words[0]: an empty list, for helpers with nothing to do
  const base = Math.ceil(at / 4);
  const lists = steps.map((s) =>
    Array.from({ length: helpers }, (_, h) => {
      const calls: readonly Call[] = s.parts[h + first] ?? [];
      if (calls.length === 0) return base;
      const start = base + words.length;
      pushCalls(words, calls);
      return start;
    })
  );
  return { lists, end: writeWords(memory, base, words) };
}

/**
 * Writes a whole pass for each helper (idleCaller teams): minus the number of steps, then the
 * helper's calls of each step as in encodeSteps. Returns each helper's list index.
 */
export function encodeWhole(memory: WebAssembly.Memory, steps: readonly Step[], helpers: number, at: number): { lists: number[]; end: number } {
  const words: number[] = [];
  const base = Math.ceil(at / 4);
  const lists = Array.from({ length: helpers }, (_, h) => {
    const start = base + words.length;
    words.push(-steps.length);
    for (const s of steps) pushCalls(words, s.parts[h] ?? []);
    return start;
  });
  return { lists, end: writeWords(memory, base, words) };
}

/** One list of calls as a helper reads it: the count, then per call the kernel, the argument count and the arguments. */
function pushCalls(words: number[], calls: readonly Call[]): void {
  words.push(calls.length);
  for (const c of calls) words.push(KERNELS.indexOf(c.kernel), c.args.length, ...c.args);
}

/** Copies `words` into memory from int32 index `base`; returns the byte after them. */
function writeWords(memory: WebAssembly.Memory, base: number, words: readonly number[]): number {
  const end = (base + words.length) * 4;
  ensureBytes(memory, end);
  new Int32Array(memory.buffer, base * 4, words.length).set(words);
  return end;
}

/** Grows `memory` to hold at least `bytes`. */
export function ensureBytes(memory: WebAssembly.Memory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65536));
}

export class Team {
  private readonly ctl: Int32Array;
  private generation = 0;

  constructor(
    private readonly call: KernelCall,
    readonly control: ArrayBufferLike,
    readonly helpers: number,
    private readonly options: TeamOptions = {}
  ) {
    this.ctl = new Int32Array(control);
  }

  /** The control words: shared when there are helpers (a page that is not cross-origin isolated has no SharedArrayBuffer, and needs none alone). */
  static control(helpers: number): ArrayBufferLike {
    const bytes = 4 * (4 + 2 * helpers);
    return helpers > 0 ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }

  /** Waits until helper `h` has finished generation `gen`. */
  private awaitHelper(h: number, gen: number): void {
    const { ctl, helpers } = this;
    const at = doneAt(helpers, h);
    let spins = 0;
    if (!this.options.spinOnly) {
      while (Atomics.load(ctl, at) !== gen) if (++spins > SPINS) Atomics.wait(ctl, at, Atomics.load(ctl, at), 1000);
      return;
    }
    const deadline = performance.now() + (this.options.helperTimeoutMs ?? 30_000);
    while (Atomics.load(ctl, at) !== gen)
      if ((++spins & 0xffff) === 0 && performance.now() > deadline) throw new Error(`helper thread ${h + 1} stopped answering`);
  }

  /** Which part of a step helper 0 runs: 0 when the calling thread computes nothing, else 1. */
  get firstHelperPart(): number {
    return this.options.idleCaller ? 0 : 1;
  }

  /** Hands step `s` to the helpers; returns its generation. */
  private dispatch(lists: readonly (readonly number[])[], s: number): number {
    const { ctl, helpers } = this;
    const gen = ++this.generation;
    if (helpers > 0) {
      for (let h = 0; h < helpers; h++) Atomics.store(ctl, commandAt(h), lists[s]![h]!);
      Atomics.store(ctl, GENERATION, gen);
      Atomics.notify(ctl, GENERATION);
    }
    return gen;
  }

  private checkHelpers(step: Step): void {
    if (this.helpers > 0 && Atomics.load(this.ctl, ERROR) !== 0) {
      Atomics.store(this.ctl, ERROR, 0);
      throw new Error(`a helper thread failed in ${step.names.join(', ')}`);
    }
  }

  /** Runs `steps` (their helper lists already encoded at `lists`); adds each step's ms to `times` if given. */
  run(steps: readonly Step[], lists: readonly (readonly number[])[], times?: Float64Array): void {
    steps.forEach((step, s) => {
      const start = times ? performance.now() : 0;
      this.runStep(step, lists, s);
      if (times) times[s] = (times[s] as number) + performance.now() - start;
    });
  }

  private runStep(step: Step, lists: readonly (readonly number[])[], s: number): void {
    const gen = this.dispatch(lists, s);
    if (!this.options.idleCaller) for (const c of step.parts[0] ?? []) this.call(c.kernel, c.args);
    for (let h = 0; h < this.helpers; h++) this.awaitHelper(h, gen);
    this.checkHelpers(step);
  }

  /**
   * `run` in slices: after at most `sliceMs` of steps, the calling thread awaits `pause` (a page
   * handles its events and draws) before the next step. The helpers wait meanwhile.
   */
  async runSliced(steps: readonly Step[], lists: readonly (readonly number[])[], sliceMs: number, pause: () => Promise<void>): Promise<void> {
    let start = performance.now();
    for (let s = 0; s < steps.length; s++) {
      this.runStep(steps[s] as Step, lists, s);
      if (s < steps.length - 1 && performance.now() - start >= sliceMs) {
        await pause();
        start = performance.now();
      }
    }
  }

  /**
   * A whole pass without blocking the calling thread (idleCaller teams): the helpers get every
   * step at once (`lists` from encodeWhole) and this thread awaits them with Atomics.waitAsync.
   */
  async runAsync(steps: readonly Step[], lists: readonly number[]): Promise<void> {
    if (!this.options.idleCaller || this.helpers === 0) throw new Error('runAsync needs helpers and an idle calling thread');
    const timeout = this.options.helperTimeoutMs ?? 30_000;
    const gen = this.dispatch([lists], 0);
    for (let h = 0; h < this.helpers; h++) {
      const at = doneAt(this.helpers, h);
      for (let seen = Atomics.load(this.ctl, at); seen !== gen; seen = Atomics.load(this.ctl, at)) {
        const wait = Atomics.waitAsync(this.ctl, at, seen, timeout);
        if ((wait.async ? await wait.value : wait.value) === 'timed-out') throw new Error(`helper thread ${h + 1} stopped answering`);
      }
    }
    this.checkHelpers({ names: [`a pass of ${steps.length} steps`], parts: [] });
  }

  /** Tells the helpers to return. */
  stop(): void {
    for (let h = 0; h < this.helpers; h++) Atomics.store(this.ctl, commandAt(h), -1);
    Atomics.store(this.ctl, GENERATION, ++this.generation);
    Atomics.notify(this.ctl, GENERATION);
  }
}
