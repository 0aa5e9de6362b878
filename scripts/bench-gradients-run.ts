/**
 * One measurement of scripts/bench-gradients.mjs, in its own process (so that its peak memory
 * is its own); prints one JSON line. Modes:
 *   step ENGINE THREADS SIZE N   ms per input-gradient step (a channel of inception_4c/output),
 *                                the median of N after one warm-up; ENGINE tfjs-wasm or cpu;
 *   forward THREADS              ms per 224x224 forward pass on the own WASM kernels, for scale;
 *   vis THREADS LAYER CHANNEL STEPS OUT.png   a feature visualization at the defaults: wall time.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_FEATURE_VIS, featureVis } from '../src/lib/engine/gradients/feature-vis';
import { inputGradient } from '../src/lib/engine/gradients/gradient';
import { writePng } from '../src/lib/node/png';
import { openSession, type NodeEngine } from '../src/lib/node/session';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [mode, ...args] = process.argv.slice(2);
const out: Record<string, unknown> = { mode, args };

if (mode === 'step') {
  const [engine, threads, size, n] = [args[0] as NodeEngine, Number(args[1]), Number(args[2]), Number(args[3])];
  const s = await openSession({ backend: engine, threads });
  const x = tf.randomUniform([1, size, size, 3], -60, 60, 'float32', 1) as tf.Tensor4D;
  const o = { kind: 'channel', tap: 'inception_4c/output', channel: 7 } as const;
  const times: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t = performance.now();
    const { grad } = inputGradient(s.net, x, o);
    await grad.data();
    grad.dispose();
    if (i > 0) times.push(performance.now() - t);
  }
  Object.assign(out, { engine, threads: s.backend.threads, size, msPerStep: median(times) });
} else if (mode === 'forward') {
  const s = await openSession({ backend: 'wasm', threads: Number(args[0]) });
  const x = tf.randomUniform([1, 224, 224, 3], -60, 60) as tf.Tensor4D;
  const times: number[] = [];
  for (let i = 0; i <= 10; i++) {
    const t = performance.now();
    const { probs } = s.net.forward(x);
    await probs.data();
    probs.dispose();
    if (i > 0) times.push(performance.now() - t);
  }
  Object.assign(out, { engine: 'wasm (own kernels)', threads: s.backend.threads, msPerForward: median(times) });
} else if (mode === 'vis') {
  const [threads, tap, channel, file] = [Number(args[0]), args[1]!, Number(args[2]), args[4]!];
  const steps = args[3] === 'default' ? DEFAULT_FEATURE_VIS.steps : Number(args[3]);
  const start = performance.now();
  const s = await openSession({ backend: 'tfjs-wasm', threads });
  const loaded = performance.now();
  const run = featureVis(s.net, { kind: 'channel', tap, channel }, { ...DEFAULT_FEATURE_VIS, steps });
  let value = 0;
  for (;;) {
    const next = await run.next();
    if (next.done) {
      writePng(file, next.value[0]!);
      break;
    }
    value = next.value.value;
  }
  Object.assign(out, { tap, channel, steps, objective: value, loadS: (loaded - start) / 1000, visS: (performance.now() - loaded) / 1000 });
}
out.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
