/**
 * `cli dream IMAGE --layer L [--octaves N] [--steps N] [--max-side S] [--backend tfjs-wasm|cpu]
 * [--model DIR] --out F.png`: DeepDream on a photo (lib/engine/gradients/dream.ts; by default
 * the original's inception_4c/output, 4 octaves, 10 steps each). Flags are checked before the
 * weights load.
 */
import { DEFAULT_DREAM, DREAM_LIMITS, deepDream, validateDream, type DreamSettings } from '../lib/engine/gradients/dream';
import { netShape } from '../lib/engine/gradients/objective';
import { readImage } from '../lib/node/image';
import { writePng } from '../lib/node/png';
import { openSession } from '../lib/node/session';
import { parse, UsageError } from './args';
import { gradientEngine, intIn, outPath } from './gradient-args';
import { stepProgress } from './steps';

export const usage = 'dream IMAGE [--layer L] [--octaves N] [--steps N] [--max-side S] [--backend tfjs-wasm|cpu] [--model DIR] --out F.png';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      layer: { type: 'string' },
      octaves: { type: 'string' },
      steps: { type: 'string' },
      'max-side': { type: 'string' },
      backend: { type: 'string' },
      model: { type: 'string' },
      out: { type: 'string' }
    },
    true
  );
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one image at a time' : 'no image given');
  const out = outPath(values.out);
  const s: DreamSettings = {
    ...DEFAULT_DREAM,
    tap: values.layer ?? DEFAULT_DREAM.tap,
    octaves: intIn('--octaves', values.octaves, ...DREAM_LIMITS.octaves, DEFAULT_DREAM.octaves),
    stepsPerOctave: intIn('--steps', values.steps, ...DREAM_LIMITS.stepsPerOctave, DEFAULT_DREAM.stepsPerOctave),
    maxSide: intIn('--max-side', values['max-side'], ...DREAM_LIMITS.maxSide, DEFAULT_DREAM.maxSide)
  };
  const problem = validateDream(netShape(), s);
  if (problem) throw new UsageError(problem);
  const backend = gradientEngine(values.backend);
  const photo = readImage(positionals[0]!);
  const session = await openSession({ backend, modelDir: values.model });
  const progress = stepProgress(`dream ${s.tap}`);
  try {
    const run = deepDream(session.net, { ...photo, data: new Uint8ClampedArray(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength) }, s);
    for (;;) {
      const next = await run.next();
      if (next.done) {
        writePng(out, next.value);
        progress.end(`${next.value.width}x${next.value.height} on ${backend}, written to ${out}`);
        break;
      }
      progress.update(next.value.done, next.value.total, `octave ${next.value.octave}/${next.value.octaves}`);
    }
  } finally {
    session.close();
  }
  return 0;
}
