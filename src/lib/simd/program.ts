/**
 * The plan compiled for the WASM kernels: every tensor gets a place in one linear memory, and
 * every layer becomes kernel calls, already cut into one list per thread. Nothing here touches
 * WASM; `runtime.ts` runs what this produces.
 *
 * A step is what may run at once: a layer, or in an Inception module the layers at the same
 * depth of its four branches. Threads meet at the end of each step (28 meetings a pass).
 * An Inception module's concatenation costs nothing: each branch's last layer writes straight
 * into its slice of the module's output (the kernels take a pixel stride).
 */
import { isModule, planLayersInOrder, type Plan, type PlannedLayer } from '../core/plan';
import type { ConvLayer, LrnLayer, PoolLayer } from '../core/network';
import { PANEL, panelled, WINOGRAD_STEP } from './pack';
import type { WeightLayout } from './weights';

export const KERNELS = ['gemm', 'im2col', 'maxpool', 'avgpool', 'lrn', 'winogradInput', 'winogradOutput'] as const;
export type KernelName = (typeof KERNELS)[number];

export interface Call {
  readonly kernel: KernelName;
  readonly args: readonly number[];
}

export interface Step {
  /** The layers it runs, for profiles. */
  readonly names: readonly string[];
  /** parts[t]: the calls thread t makes, in order. */
  readonly parts: readonly (readonly Call[])[];
}

/**
 * n images of h x w pixels with c channels, at byte offset `ptr`, `ld` floats from one pixel to
 * the next (ld > c for a branch's slice of its module's output).
 */
export interface View {
  readonly ptr: number;
  readonly n: number;
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly ld: number;
}

export interface Program {
  readonly input: View;
  readonly steps: readonly Step[];
  /** Per auxiliary head whose weights are loaded: its steps, and its classifier's output. */
  readonly aux: ReadonlyMap<string, { readonly steps: readonly Step[]; readonly logits: View }>;
  /** The classifier's output, before the softmax (which runs in JS). */
  readonly logits: View;
  /** Every tap by the description's name; a softmax tap is marked, its values are computed in JS. */
  readonly taps: ReadonlyMap<string, View & { readonly softmax?: boolean }>;
  /** Where the program's memory ends (bytes). */
  readonly end: number;
}

export interface CompileOptions {
  readonly batch: number;
  readonly threads: number;
  /** First free byte after the weights. */
  readonly start: number;
  /** Least tiles (over the batch) for which a 3x3 or 5x5 conv uses Winograd; below, im2col + GEMM. */
  readonly winogradMinTiles?: number;
  /** See WINOGRAD_BLOCK_BYTES (tests make it small to run many blocks). */
  readonly winogradBlockBytes?: number;
}

const ALIGN = 64;
/** Per-thread scratch: the LRN's c + size + 4 floats, Winograd's 160. */
const SCRATCH_FLOATS = 1024;

class Arena {
  constructor(public top: number) {}
  alloc(floats: number): number {
    const ptr = Math.ceil(this.top / ALIGN) * ALIGN;
    this.top = ptr + floats * 4;
    return ptr;
  }
}

/** Cuts [0, total) into `parts` ranges whose inner bounds are multiples of `align`. */
function ranges(total: number, parts: number, align = 1): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const end = p === parts - 1 ? total : Math.min(total, Math.round(((p + 1) * total) / parts / align) * align);
    out.push([start, Math.max(start, end)]);
    start = Math.max(start, end);
  }
  return out;
}

const f32Bits = (x: number): number => new Int32Array(new Float32Array([x]).buffer)[0] as number;
/** Winograd tiles of a conv with an h x w output over the batch (0 for a filter size without Winograd). */
function tilesOf(l: ConvLayer, n: number, h: number, w: number): number {
  const step = WINOGRAD_STEP[l.kernel];
  return step ? n * Math.ceil(h / step) * Math.ceil(w / step) : 0;
}

type ConvMethod = 'pointwise' | 'winograd' | 'im2col';

/**
 * How a conv runs: 1x1 as one GEMM; 3x3 and 5x5 with stride 1 and 'same' padding by Winograd
 * when there are enough tiles; anything else by im2col + GEMM.
 */
function convMethod(l: ConvLayer, cin: number, cout: number, tiles: number, weights: WeightLayout, minTiles: number): ConvMethod {
  if (l.kernel === 1 && l.stride === 1 && l.pad === 0) return 'pointwise';
  const w = weights.conv.get(l.name);
  const same = l.pad === (l.kernel - 1) / 2;
  if (w?.winograd !== undefined && same && tiles >= minTiles && cin % 4 === 0 && cout % 4 === 0) return 'winograd';
  return 'im2col';
}

/**
 * Bytes of Winograd's V and M per block of tiles, about a core's L2 cache (4 MiB here): a batch of
 * crops then reuses them in cache, while one image's largest layer (conv2, 98 tiles a thread)
 * still runs as one block. Measured: 1-3% either way against 1 and 2 MiB, within the noise.
 */
const WINOGRAD_BLOCK_BYTES = 4 << 20;

/** Tiles per Winograd block: as many as fit WINOGRAD_BLOCK_BYTES, at least 8, at most a thread's share. */
function winogradBlock(cin: number, cout: number, tiles: number, threads: number, bytes = WINOGRAD_BLOCK_BYTES): number {
  const fit = Math.floor(bytes / (36 * (cin + cout) * 4));
  return Math.max(1, Math.min(Math.max(8, fit), Math.ceil(tiles / threads)));
}

/** The most rows of an im2col matrix one thread fills (rows are cut among threads in fours). */
const im2colRows = (rows: number, threads: number): number => Math.max(...ranges(rows, threads, 4).map(([a, b]) => b - a));

/** Scratch floats a layer needs while it runs: im2col's matrix per thread, or Winograd's V and M. */
function scratchFloats(l: PlannedLayer, n: number, threads: number, weights: WeightLayout, minTiles: number, blockBytes?: number): number {
  if (l.layer.op !== 'conv') return 0;
  const [h, w, cout] = l.output;
  const cin = l.input[2];
  const tiles = tilesOf(l.layer, n, h, w);
  const pad = (f: number) => Math.ceil(f / 16) * 16;
  switch (convMethod(l.layer, cin, cout, tiles, weights, minTiles)) {
    case 'pointwise':
      return 0;
    case 'winograd': {
      const block = winogradBlock(cin, cout, tiles, threads, blockBytes);
      return threads * (pad(36 * block * cin) + pad(36 * block * cout));
    }
    case 'im2col':
      return threads * pad(im2colRows(h * w, threads) * l.layer.kernel ** 2 * cin);
  }
}

const call = (kernel: KernelName, ...args: number[]): Call => ({ kernel, args });
const imageBytes = (v: View): number => v.h * v.w * v.ld * 4;

function requireDense(v: View, layer: string): void {
  if (v.ld !== v.c) throw new Error(`${layer}: the kernels read a dense input (${v.c} channels, stride ${v.ld})`);
}

export function compile(p: Plan, weights: WeightLayout, options: CompileOptions): Program {
  const { batch: n, threads } = options;
  const minTiles = options.winogradMinTiles ?? 16;
  const arena = new Arena(options.start);
  const tensor = (h: number, w: number, c: number): View => ({ ptr: arena.alloc(n * h * w * c), n, h, w, c, ld: c });
  const scratch = Array.from({ length: threads }, () => arena.alloc(SCRATCH_FLOATS));
  const taps = new Map<string, View & { softmax?: boolean }>();
  // Scratch for im2col's matrices and Winograd's V and M: layers of one step (which run at
  // once) get disjoint parts of it; the next step reuses it. Sized by the hungriest step.
  const need = (l: PlannedLayer | undefined): number => (l ? scratchFloats(l, n, threads, weights, minTiles, options.winogradBlockBytes) : 0);
  const stepNeeds = [
    ...p.rows.flatMap((r) =>
      isModule(r.block)
        ? Array.from({ length: Math.max(...r.block.branches.map((b) => b.layers.length)) }, (_, d) =>
            (r.block as { branches: readonly { layers: readonly PlannedLayer[] }[] }).branches.reduce((sum, b) => sum + need(b.layers[d]), 0)
          )
        : r.block.map(need)
    ),
    ...p.aux.flatMap((a) => a.layers.map(need))
  ];
  const area = arena.alloc(Math.max(0, ...stepNeeds));
  let cursor = 0;
  /** A part of the step's scratch, `floats` long. */
  const take = (floats: number): number => {
    const ptr = area + cursor * 4;
    cursor += Math.ceil(floats / 16) * 16;
    return ptr;
  };

  function gemmCalls(parts: Call[][], rows: number, a: number, lda: number, b: number, bias: number, c: number, ldc: number, cols: number, k: number, relu: boolean): void {
    if (rows >= 8 * threads)
      ranges(rows, threads, 4).forEach(([r0, r1], t) => {
        if (r1 > r0) parts[t]!.push(call('gemm', a + r0 * lda * 4, lda, b, bias, c + r0 * ldc * 4, ldc, r1 - r0, cols, k, relu ? 1 : 0));
      });
    else
      ranges(cols, threads, PANEL).forEach(([c0, c1], t) => {
        if (c1 > c0) parts[t]!.push(call('gemm', a, lda, b + c0 * k * 4, bias + c0 * 4, c + c0 * 4, ldc, rows, c1 - c0, k, relu ? 1 : 0));
      });
  }

  /** Image rows [0, n * rows) cut among threads: per thread, (image, first row, end row) runs. */
  function imageRows(rows: number): [number, number, number][][] {
    return ranges(n * rows, threads).map(([a, b]) => {
      const runs: [number, number, number][] = [];
      for (let i = Math.floor(a / rows); i * rows < b; i++) {
        const r0 = Math.max(a - i * rows, 0);
        const r1 = Math.min(b - i * rows, rows);
        if (r1 > r0) runs.push([i, r0, r1]);
      }
      return runs;
    });
  }

  function conv(layer: ConvLayer, x: View, y: View, parts: Call[][]): void {
    const w = weights.conv.get(layer.name);
    if (!w) throw new Error(`weight ${layer.name}/filter is not loaded`);
    const { kernel: k, stride: s, pad } = layer;
    const cout = layer.filters;
    if (convMethod(layer, x.c, cout, 0, weights, minTiles) === 'pointwise') {
      gemmCalls(parts, n * x.h * x.w, x.ptr, x.ld, w.gemm, w.bias, y.ptr, y.ld, cout, x.c, true);
      return;
    }
    requireDense(x, layer.name);
    const tiles = tilesOf(layer, n, y.h, y.w);
    if (convMethod(layer, x.c, cout, tiles, weights, minTiles) === 'winograd') {
      const step = WINOGRAD_STEP[k] as number;
      const th = Math.ceil(y.h / step);
      const tw = Math.ceil(y.w / step);
      const u = w.winograd as number;
      const block = winogradBlock(x.c, cout, tiles, threads, options.winogradBlockBytes);
      ranges(tiles, threads).forEach(([t0, t1], t) => {
        if (t1 <= t0) return;
        const list = parts[t]!;
        const v = take(36 * block * x.c);
        const m = take(36 * block * cout);
        for (let b0 = t0; b0 < t1; b0 += block) {
          const b1 = Math.min(t1, b0 + block);
          list.push(call('winogradInput', x.ptr, x.h, x.w, x.c, step, th, tw, v, block, scratch[t]!, b0, b1));
          for (let e = 0; e < 36; e++)
            list.push(call('gemm', v + e * block * x.c * 4, x.c, u + e * x.c * panelled(cout) * 4, weights.zeros, m + e * block * cout * 4, cout, b1 - b0, cout, x.c, 0));
          list.push(call('winogradOutput', m, cout, step, block, th, tw, y.h, y.w, w.bias, y.ptr, y.ld, 1, scratch[t]!, b0, b1));
        }
      });
      return;
    }
    // im2col + GEMM, one image at a time; each thread unrolls the rows it multiplies into its own matrix.
    const depth = k * k * x.c;
    ranges(y.h * y.w, threads, 4).forEach(([r0, r1], t) => {
      if (r1 <= r0) return;
      const col = take(im2colRows(y.h * y.w, threads) * depth);
      for (let i = 0; i < n; i++)
        parts[t]!.push(
          call('im2col', x.ptr + i * imageBytes(x), x.h, x.w, x.c, k, s, pad, y.w, col, r0, r1),
          call('gemm', col, depth, w.gemm, w.bias, y.ptr + i * imageBytes(y) + r0 * y.ld * 4, y.ld, r1 - r0, cout, depth, 1)
        );
    });
  }

  function pool(layer: PoolLayer, x: View, y: View, parts: Call[][]): void {
    requireDense(x, layer.name);
    imageRows(y.h).forEach((runs, t) => {
      for (const [i, r0, r1] of runs)
        parts[t]!.push(call(layer.op, x.ptr + i * imageBytes(x), x.h, x.w, x.c, layer.kernel, layer.stride, layer.pad, y.w, y.ptr + i * imageBytes(y), y.ld, r0, r1));
    });
  }

  function lrn(layer: LrnLayer, x: View, y: View, parts: Call[][]): void {
    requireDense(x, layer.name);
    if (layer.beta !== 0.75) throw new Error(`${layer.name}: the LRN kernel computes beta 0.75 only, not ${layer.beta}`);
    if (x.c + layer.size + 4 > SCRATCH_FLOATS) throw new Error(`${layer.name}: too many channels for the LRN scratch`);
    ranges(n * x.h * x.w, threads).forEach(([p0, p1], t) => {
      if (p1 > p0) parts[t]!.push(call('lrn', x.ptr, y.ptr, x.c, layer.size, f32Bits(layer.alpha / layer.size), f32Bits(layer.k), scratch[t]!, p0, p1));
    });
  }

  /** Compiles one layer into `parts`; returns its output view. `into` is where it must write, if anywhere. */
  function layer(l: PlannedLayer, x: View, parts: Call[][], into?: View): View {
    const [h, w, c] = l.output;
    const out = () => into ?? tensor(h, w, c);
    const L = l.layer;
    let y: View;
    switch (L.op) {
      case 'conv':
        conv(L, x, (y = out()), parts);
        break;
      case 'maxpool':
      case 'avgpool':
        pool(L, x, (y = out()), parts);
        break;
      case 'lrn':
        lrn(L, x, (y = out()), parts);
        break;
      case 'fc': {
        requireDense(x, L.name);
        const w = weights.fc.get(L.name);
        if (!w) throw new Error(`weight ${L.name}/filter is not loaded`);
        y = out();
        gemmCalls(parts, n, x.ptr, x.h * x.w * x.c, w.gemm, w.bias, y.ptr, y.ld, L.outputs, x.h * x.w * x.c, L.relu);
        break;
      }
      case 'dropout':
        y = x; // inference: identity
        break;
      case 'softmax':
        y = x;
        taps.set(L.name, { ...x, softmax: true });
        return y;
    }
    taps.set(L.name, y);
    return y;
  }

  /** A new step's call lists; its layers start taking scratch from the beginning again. */
  const emptyParts = (): Call[][] => {
    cursor = 0;
    return Array.from({ length: threads }, () => []);
  };
  const steps: Step[] = [];
  const input = tensor(...p.network.input);
  let x = input;
  const moduleOutputs = new Map<string, View>();
  for (const row of p.rows) {
    const block = row.block;
    if (!isModule(block)) {
      for (const l of block) {
        const parts = emptyParts();
        const y = layer(l, x, parts);
        if (parts.some((q) => q.length)) steps.push({ names: [l.layer.name], parts });
        x = y;
      }
      continue;
    }
    const [h, w, c] = block.output;
    const out = tensor(h, w, c);
    let offset = 0;
    const heads = block.branches.map((b) => {
      const slice: View = { ...out, ptr: out.ptr + offset * 4, c: b.output[2] };
      offset += b.output[2];
      taps.set(b.tap, slice);
      return { layers: b.layers, slice, at: x };
    });
    const depth = Math.max(...heads.map((b) => b.layers.length));
    for (let d = 0; d < depth; d++) {
      const parts = emptyParts();
      const names: string[] = [];
      for (const b of heads) {
        const l = b.layers[d];
        if (!l) continue;
        names.push(l.layer.name);
        b.at = layer(l, b.at, parts, d === b.layers.length - 1 ? b.slice : undefined);
      }
      steps.push({ names, parts });
    }
    taps.set(block.tap, out);
    moduleOutputs.set(block.module.name, out);
    x = out;
  }
  const logits = x;

  const aux = new Map<string, { steps: Step[]; logits: View }>();
  for (const a of p.aux) {
    if (!weights.auxHeads.includes(a.head.name)) continue;
    let y = moduleOutputs.get(a.head.after) as View;
    const headSteps: Step[] = [];
    for (const l of a.layers) {
      const parts = emptyParts();
      y = layer(l, y, parts);
      if (parts.some((q) => q.length)) headSteps.push({ names: [l.layer.name], parts });
    }
    aux.set(a.head.name, { steps: headSteps, logits: y });
  }

  return { input, steps, aux, logits, taps, end: arena.top };
}
