/**
 * `cli classify IMAGE... [--json] [--crops 1|10|144] [--backend wasm|tfjs-wasm|cpu] [--precision P] [--model DIR]`:
 * the top five classes of each PNG or JPEG (named as given), as JSON lines or a table. --model: a folder holding
 * float32/, float16/ and labels.json (default static/models/googlenet). A bad image gets one line
 * on stderr and the others still run; the exit code is then 1.
 */
import * as tf from '@tensorflow/tfjs';
import { classifyPixels, topK, type Prediction } from '../lib/engine/classify';
import { CROP_COUNTS, type CropCount } from '../lib/engine/crops';
import { PRECISIONS } from '../lib/engine/manifest';
import { readImage } from '../lib/node/image';
import { NODE_ENGINES, openSession, type Session } from '../lib/node/session';
import { oneOf, parse, UsageError } from './args';

export const usage =
  'classify IMAGE... [--json] [--crops 1|10|144] [--backend wasm|tfjs-wasm|cpu] [--precision float32|float16] [--model DIR]';

export interface Classified {
  readonly image: string;
  readonly top5: Prediction[];
}

/** Classifies one file with an open session (also used by tests). */
export async function classifyFile(session: Session, path: string, crops: CropCount = 1): Promise<Classified> {
  const { width, height, data } = readImage(path);
  const pixels = tf.tensor3d(data, [height, width, 4], 'int32');
  try {
    const probs = await classifyPixels(session.net, pixels, { crops });
    const top5 = topK(probs, session.labels, 5).map((p) => ({ ...p, p: Number(p.p.toFixed(6)) }));
    return { image: path, top5 };
  } finally {
    pixels.dispose();
  }
}

function table(c: Classified, what: string): string {
  const rows = c.top5.map((p, i) => `  ${i + 1}. ${(p.p * 100).toFixed(2).padStart(6)}%  ${String(p.index).padStart(3)}  ${p.label}`);
  return `${c.image} (${what})\n${rows.join('\n')}\n`;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      json: { type: 'boolean' },
      crops: { type: 'string' },
      backend: { type: 'string' },
      precision: { type: 'string' },
      model: { type: 'string' }
    },
    true
  );
  if (positionals.length === 0) throw new UsageError('no image given');
  const crops = Number(oneOf('--crops', values.crops, CROP_COUNTS.map(String), '1')) as CropCount;
  const backend = oneOf('--backend', values.backend, NODE_ENGINES, 'wasm');
  const precision = oneOf('--precision', values.precision, PRECISIONS, 'float32');
  const session = await openSession({ backend, precision, modelDir: values.model });
  const what = `${crops} crop${crops > 1 ? 's' : ''}, ${backend}, ${precision}`;
  let failed = 0;
  try {
    for (const path of positionals) {
      try {
        const c = await classifyFile(session, path, crops);
        process.stdout.write(values.json ? `${JSON.stringify(c)}\n` : table(c, what));
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        failed++;
      }
    }
  } finally {
    session.close();
  }
  return failed ? 1 : 0;
}
