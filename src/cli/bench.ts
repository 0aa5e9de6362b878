/**
 * `cli bench [--json] [--backend wasm|tfjs-wasm|cpu] [--threads N] [--runs N] [--precision P] [--full] [--profile]`:
 * milliseconds per image for one image (median of --runs after warm-up; the network alone and
 * with preprocessing) and for the paper's 144-crop batch. Without --backend every Node engine
 * runs in its own process (tfjs's WASM thread count is fixed once it starts): our WASM kernels
 * with all cores and on one thread, tfjs's WASM backend, tfjs's CPU backend. `--profile` prints
 * instead where a pass on the WASM kernels spends its time, step by step. A benchmark prints
 * figures; it asserts nothing.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { classifyPixels } from '../lib/engine/classify';
import { PRECISIONS } from '../lib/engine/manifest';
import { cutCrops, toNetworkInput, toRgb } from '../lib/engine/preprocess';
import { cropBoxes } from '../lib/engine/crops';
import { NODE_ENGINES, openSession, type Session } from '../lib/node/session';
import type { GoogLeNet } from '../lib/engine/googlenet';
import type { SimdGoogLeNet, StepTime } from '../lib/simd/googlenet-simd';
import { oneOf, parse, UsageError } from './args';

export const usage = 'bench [--json] [--backend wasm|tfjs-wasm|cpu] [--threads N] [--runs N] [--precision float32|float16] [--full] [--profile]';

export interface BenchResult {
  backend: string;
  threads: number;
  precision: string;
  runs: number;
  /** Forward pass of one preprocessed 224x224 image, median ms (and the fastest run). */
  networkMs: number;
  networkMinMs: number;
  /** Pixels to probabilities for one 1-crop image (resize, crop, forward), median ms. */
  imageMs: number;
  /** The 144 crops of one image, ms (null when skipped), and per crop. */
  crops144Ms: number | null;
  perCropMs: number | null;
  /** 1-minute load average of the machine when done: figures from a busy machine are slower. */
  load: number;
}

interface Timing {
  readonly median: number;
  readonly min: number;
}

async function timeIt(runs: number, warmup: number, f: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, min: times[0] as number };
}

/** A smooth synthetic 480x360 photo-sized image, so the bench needs no files. */
function syntheticPixels(): tf.Tensor3D {
  return tf.tidy(() => {
    const y = tf.linspace(0, 255, 360).reshape([360, 1, 1]);
    const x = tf.linspace(0, 255, 480).reshape([1, 480, 1]);
    return tf.concat([tf.add(tf.mul(y, 0.5), tf.mul(x, 0.5)), tf.sub(255, y).tile([1, 480, 1]), x.tile([360, 1, 1])], 2) as tf.Tensor3D;
  });
}

/** The synthetic image's centre crop, as the network takes it. */
function networkInput(net: GoogLeNet, pixels: tf.Tensor3D): tf.Tensor4D {
  return tf.tidy(() => {
    const rgb = toRgb(pixels);
    const resized = new Map<number, tf.Tensor3D>();
    const crop = cutCrops(rgb, cropBoxes(480, 360, 1), 224, resized);
    tf.dispose([...resized.values()]);
    return toNetworkInput(crop, net.plan.network.meanBgr);
  });
}

export async function measure(session: Session, runs: number, full: boolean): Promise<BenchResult> {
  const pixels = syntheticPixels();
  const net = session.net;
  const input = networkInput(net, pixels);
  const forward = async () => {
    const { probs } = net.forward(input, { aux: false });
    await probs.data();
    probs.dispose();
  };
  const cpu = session.backend.backend === 'cpu';
  const n = cpu ? Math.min(runs, 5) : runs;
  const network = await timeIt(n, 3, forward);
  const image = await timeIt(n, 1, () => classifyPixels(net, pixels, { crops: 1 }));
  let crops144Ms: number | null = null;
  if (!cpu || full) crops144Ms = (await timeIt(cpu ? 1 : 3, cpu ? 0 : 1, () => classifyPixels(net, pixels, { crops: 144 }))).median;
  tf.dispose([pixels, input]);
  const { backend, threads } = session.backend;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    backend,
    threads,
    precision: session.precision,
    runs: n,
    networkMs: round(network.median),
    networkMinMs: round(network.min),
    imageMs: round(image.median),
    crops144Ms: crops144Ms === null ? null : round(crops144Ms),
    perCropMs: crops144Ms === null ? null : round(crops144Ms / 144),
    load: round(os.loadavg()[0] ?? 0)
  };
}

function line(r: BenchResult): string {
  const name = `${r.backend}${r.threads ? ` (${r.threads} thread${r.threads === 1 ? '' : 's'})` : ''}, ${r.precision}`;
  const crops = r.crops144Ms === null ? 'skipped (minutes on CPU; --full runs it)' : `${r.crops144Ms} ms (${r.perCropMs} ms a crop)`;
  return `${name.padEnd(28)} network ${r.networkMs} ms (fastest ${r.networkMinMs}), image ${r.imageMs} ms (median of ${r.runs}); 144 crops ${crops}; load ${r.load}\n`;
}

/** One line per step: its ms, its share of the pass, and its layers. */
function profileTable(steps: readonly StepTime[], threads: number): string {
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  const rows = steps.map((s) => `${s.ms.toFixed(2).padStart(7)} ms ${((100 * s.ms) / total).toFixed(1).padStart(5)}%  ${s.names.join(', ')}\n`);
  return `WASM kernels, ${threads} thread${threads === 1 ? '' : 's'}, one image, mean of the runs per step:\n${rows.join('')}${total.toFixed(2).padStart(7)} ms in all\n`;
}

/** Runs one configuration in a fresh process, so each WASM thread count starts clean. */
function inChild(args: string[]): BenchResult {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, 'bench', ...args, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  });
  const last = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !last) throw new Error(`bench ${args.join(' ')} failed (exit ${child.status})`);
  return JSON.parse(last) as BenchResult;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    json: { type: 'boolean' },
    backend: { type: 'string' },
    threads: { type: 'string' },
    runs: { type: 'string' },
    precision: { type: 'string' },
    full: { type: 'boolean' },
    profile: { type: 'boolean' }
  });
  const runs = Number(values.runs ?? 20);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive integer, not "${values.runs}"`);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 8))
    throw new UsageError(`--threads must be 1 to 8, not "${values.threads}"`);
  const precision = oneOf('--precision', values.precision, PRECISIONS, 'float32');
  const print = (r: BenchResult) => process.stdout.write(values.json ? `${JSON.stringify(r)}\n` : line(r));
  if (values.profile) {
    if ((values.backend ?? 'wasm') !== 'wasm') throw new UsageError('--profile times the WASM kernels only (--backend wasm)');
    const session = await openSession({ backend: 'wasm', threads, precision });
    try {
      const net = session.net as SimdGoogLeNet;
      const pixels = syntheticPixels();
      const input = networkInput(net, pixels);
      const steps = net.profile(input, runs);
      tf.dispose([pixels, input]);
      if (values.json) for (const s of steps) process.stdout.write(`${JSON.stringify(s)}\n`);
      else process.stdout.write(profileTable(steps, net.threads));
    } finally {
      session.close();
    }
    return 0;
  }
  if (values.backend !== undefined) {
    const backend = oneOf('--backend', values.backend, NODE_ENGINES, 'wasm');
    const session = await openSession({ backend, threads, precision });
    try {
      print(await measure(session, runs, values.full ?? false));
    } finally {
      session.close();
    }
    return 0;
  }
  const common = ['--runs', String(runs), '--precision', precision, ...(values.full ? ['--full'] : [])];
  const cores = Math.min(8, os.cpus().length);
  const configs = [
    ['--backend', 'wasm', '--threads', String(cores)],
    ...(cores > 1 ? [['--backend', 'wasm', '--threads', '1']] : []),
    ['--backend', 'tfjs-wasm', '--threads', String(cores)],
    ['--backend', 'cpu']
  ];
  for (const c of configs) print(inChild([...c, ...common]));
  return 0;
}
