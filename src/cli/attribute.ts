/**
 * `cli attribute IMAGE [--class K] [--layer L] [--backend tfjs-wasm|cpu] [--model DIR] --out F.png`:
 * why the network chose a class (the top 1 unless --class), on the photo's 224x224 centre crop.
 * The PNG holds three panels side by side: the crop, Grad-CAM (at --layer, default
 * inception_5b/output) over it, and the saliency map (gradient x input: |sum over colours of
 * d logit / d pixel x pixel|, white = most).
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CAM_TAP, gradCam, saliency } from '../lib/engine/gradients/attribution';
import { centerCrop } from '../lib/engine/gradients/center-crop';
import { netShape, validateObjective } from '../lib/engine/gradients/objective';
import { heatmapImage, overlayHeatmap } from '../lib/engine/gradients/overlay';
import { readImage } from '../lib/node/image';
import { sideBySide, writePng } from '../lib/node/png';
import { openSession } from '../lib/node/session';
import { parse, UsageError } from './args';
import { gradientEngine, intIn, outPath } from './gradient-args';
import { stepProgress } from './steps';

export const usage = 'attribute IMAGE [--class K] [--layer L] [--backend tfjs-wasm|cpu] [--model DIR] --out F.png';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { class: { type: 'string' }, layer: { type: 'string' }, backend: { type: 'string' }, model: { type: 'string' }, out: { type: 'string' } },
    true
  );
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one image at a time' : 'no image given');
  const out = outPath(values.out);
  const shape = netShape();
  const classes = shape.tapShapes.get('loss3/classifier')?.[2] ?? 1000;
  const requested = values.class === undefined ? undefined : intIn('--class', values.class, 0, classes - 1);
  const tap = values.layer ?? DEFAULT_CAM_TAP;
  const problem = validateObjective(shape, { kind: 'layer', tap });
  if (problem) throw new UsageError(problem);
  const backend = gradientEngine(values.backend);
  const photo = readImage(positionals[0]!);
  const session = await openSession({ backend, modelDir: values.model });
  const progress = stepProgress('attribute');
  try {
    const { crop, input } = centerCrop(session.net, { ...photo, data: new Uint8ClampedArray(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength) });
    try {
      const probs = tf.tidy(() => session.net.forward(input, { aux: false }).probs.dataSync());
      const classIndex = requested ?? probs.indexOf(Math.max(...probs));
      progress.update(1, 3, 'Grad-CAM');
      const cam = gradCam(session.net, input, classIndex, tap);
      progress.update(2, 3, 'gradient × input');
      const sal = saliency(session.net, input, classIndex);
      writePng(out, sideBySide([crop, overlayHeatmap(crop, cam), heatmapImage(sal)]));
      const label = session.labels[classIndex] ?? String(classIndex);
      progress.end(`class ${classIndex} (${label}, p = ${probs[classIndex]!.toFixed(4)}): photo | Grad-CAM at ${tap} | gradient × input, written to ${out}`);
    } finally {
      input.dispose();
    }
  } finally {
    session.close();
  }
  return 0;
}
