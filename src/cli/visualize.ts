/**
 * `cli visualize --layer L --channel C [--steps N] [--size S] [--negative] [--batch N]
 * [--seed N] [--backend tfjs-wasm|cpu] [--model DIR] --out F.png`: feature visualization of one
 * channel (Olah et al. 2017's regularisers, lib/engine/gradients/feature-vis.ts), written as a PNG
 * (a batch side by side). Every flag is checked before the weights load.
 */
import { DEFAULT_FEATURE_VIS, FEATURE_VIS_LIMITS, featureVis, type FeatureVisSettings } from '../lib/engine/gradients/feature-vis';
import { netShape, validateObjective, type Objective } from '../lib/engine/gradients/objective';
import { sideBySide, writePng } from '../lib/node/png';
import { openSession } from '../lib/node/session';
import { parse, UsageError } from './args';
import { gradientEngine, intIn, outPath } from './gradient-args';
import { stepProgress } from './steps';

export const usage =
  'visualize --layer L --channel C [--steps N] [--size S] [--negative] [--batch N] [--seed N] [--backend tfjs-wasm|cpu] [--model DIR] --out F.png';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    layer: { type: 'string' },
    channel: { type: 'string' },
    steps: { type: 'string' },
    size: { type: 'string' },
    negative: { type: 'boolean' },
    batch: { type: 'string' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' }
  });
  const out = outPath(values.out);
  if (!values.layer) throw new UsageError('--layer is required (e.g. inception_4c/output)');
  const shape = netShape();
  const channels = shape.tapShapes.get(values.layer)?.[2];
  if (channels === undefined) throw new UsageError(validateObjective(shape, { kind: 'layer', tap: values.layer })!);
  const o: Objective = {
    kind: 'channel',
    tap: values.layer,
    channel: intIn(`--channel for ${values.layer}`, values.channel, 0, channels - 1),
    sign: values.negative ? -1 : 1
  };
  const s: FeatureVisSettings = {
    ...DEFAULT_FEATURE_VIS,
    size: intIn('--size', values.size, ...FEATURE_VIS_LIMITS.size, DEFAULT_FEATURE_VIS.size),
    steps: intIn('--steps', values.steps, ...FEATURE_VIS_LIMITS.steps, DEFAULT_FEATURE_VIS.steps),
    batch: intIn('--batch', values.batch, ...FEATURE_VIS_LIMITS.batch, DEFAULT_FEATURE_VIS.batch),
    seed: intIn('--seed', values.seed, 0, 2 ** 31 - 1, DEFAULT_FEATURE_VIS.seed)
  };
  if (s.batch > 1) s.diversity = 100;
  const backend = gradientEngine(values.backend);
  const session = await openSession({ backend, modelDir: values.model });
  const progress = stepProgress(`visualize ${o.tap} channel ${o.channel}`);
  try {
    const run = featureVis(session.net, o, s);
    let value = 0;
    for (;;) {
      const next = await run.next();
      if (next.done) {
        writePng(out, sideBySide(next.value));
        break;
      }
      value = next.value.value;
      progress.update(next.value.step, next.value.steps, `objective ${value.toFixed(2)}`);
    }
    progress.end(`${s.steps} steps on ${backend}, objective ${value.toFixed(2)}, written to ${out}`);
  } finally {
    session.close();
  }
  return 0;
}
