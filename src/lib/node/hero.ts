/**
 * Writes the home page's hero (src/lib/view/hero.ts) with the Node engine: the default sample
 * photo classified on one centre crop (as the live page does by default) and every hero node's
 * thumbnails, into `hero.json` and a sprite sheet `hero.png` (inferno colours, as the live
 * page's feature maps). Skipped when the folder already holds a hero made from the same
 * weights, photo and code (a hash of them); with no converted weights, nothing is written
 * (and an old hero is removed, so the page never shows a stale one).
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { cropBoxes, CROP_SIDE } from '../engine/crops';
import { topK } from '../engine/classify';
import { cutCrops, toNetworkInput, toRgb } from '../engine/preprocess';
import { levelsToRgba, type TapValues } from '../view/activations';
import { HERO_FOLDER, HERO_JSON, HERO_SPRITE, heroTaps, packThumbnails, type HeroData } from '../view/hero';
import { readImage } from './image';
import { MODEL_DIR, REPO_ROOT } from './model-files';
import type { Session } from './session';

export const HERO_SAMPLE = 'chelsea.png';
export const HERO_DIR = join(REPO_ROOT, 'static', HERO_FOLDER);
const PRECISION = 'float32';

/** The code whose change makes a new hero (besides the weights and the photo). */
const CODE = [
  'src/lib/node/hero.ts',
  'src/lib/view/hero.ts',
  'src/lib/view/activations.ts',
  'src/lib/view/diagram/model.ts',
  'src/lib/view/live/featureMaps.ts',
  'src/lib/core/network.ts',
  'src/lib/core/plan.ts'
];

export interface HeroOptions {
  readonly out?: string;
  readonly modelDir?: string;
  readonly image?: string;
}

export type HeroOutcome = { readonly status: 'written' | 'cached'; readonly bytes: number } | { readonly status: 'no-weights' };

/** The weights' files of one precision, labels included, or null when they are not converted. */
function weightFiles(modelDir: string): string[] | null {
  const dir = join(modelDir, PRECISION);
  const labels = join(modelDir, 'labels.json');
  if (!existsSync(join(dir, 'model.json')) || !existsSync(labels)) return null;
  return [labels, ...readdirSync(dir).sort().map((f) => join(dir, f))];
}

/** Hash of the weights, the photo and the code. */
export function heroKey(weights: readonly string[], image: string): string {
  const hash = createHash('sha256');
  for (const file of [...weights, image, ...CODE.map((f) => join(REPO_ROOT, f))]) {
    hash.update(file.replace(REPO_ROOT, ''));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Classifies `image` on one centre crop and packs the hero from the same pass's taps. */
export async function computeHero(session: Session, image: string, key: string): Promise<{ data: HeroData; png: Buffer }> {
  const { width, height, data } = readImage(image);
  const nodeTapNames = heroTaps();
  const input = tf.tidy(() => {
    const rgb = toRgb(tf.tensor3d(data, [height, width, 4], 'int32'));
    const resized = new Map<number, tf.Tensor3D>();
    const crops = cutCrops(rgb, cropBoxes(width, height, 1), CROP_SIDE, resized);
    return toNetworkInput(crops, session.net.plan.network.meanBgr);
  });
  const out = session.net.forward(input, { taps: [...new Set(nodeTapNames.values())], aux: false });
  input.dispose();
  let probs: Float32Array;
  const taps: Record<string, TapValues> = {};
  try {
    probs = out.probs.dataSync() as Float32Array;
    for (const [name, t] of Object.entries(out.taps)) {
      const [, h, w, c] = t.shape;
      taps[name] = { height: h, width: w, channels: c, data: t.dataSync() as Float32Array };
    }
  } finally {
    tf.dispose([out.probs, ...Object.values(out.taps), ...Object.values(out.aux)]);
  }
  const packed = packThumbnails(nodeTapNames, taps);
  const png = new PNG({ width: packed.width, height: packed.height, colorType: 2 });
  png.data.set(levelsToRgba(packed.levels));
  const top5 = topK(probs, session.labels, 5).map((p) => ({ ...p, p: Number(p.p.toFixed(6)) }));
  return {
    data: {
      key,
      sample: image.split(/[\\/]/).pop()!,
      engine: `${session.backend.backend}, ${session.precision}, 1 crop`,
      top5,
      sprite: { file: HERO_SPRITE, width: packed.width, height: packed.height },
      nodes: packed.nodes
    },
    png: PNG.sync.write(png, { colorType: 2 })
  };
}

/** Writes the hero into `out` unless it is there already; `open` makes the engine (tests pass their own). */
export async function writeHero(options: HeroOptions, open: (modelDir: string) => Promise<Session>): Promise<HeroOutcome> {
  const out = options.out ?? HERO_DIR;
  const modelDir = options.modelDir ?? MODEL_DIR;
  const image = options.image ?? join(REPO_ROOT, 'static/samples', HERO_SAMPLE);
  if (!existsSync(image)) throw new Error(`hero: no image at ${image}`);
  const weights = weightFiles(modelDir);
  const files = [HERO_JSON, HERO_SPRITE].map((f) => join(out, f));
  if (!weights) {
    for (const f of files) rmSync(f, { force: true });
    return { status: 'no-weights' };
  }
  const key = heroKey(weights, image);
  const size = () => files.reduce((s, f) => s + readFileSync(f).length, 0);
  try {
    if (files.every(existsSync) && (JSON.parse(readFileSync(files[0]!, 'utf8')) as HeroData).key === key)
      return { status: 'cached', bytes: size() };
  } catch {
    // an unreadable hero.json is made again
  }
  const session = await open(modelDir);
  try {
    const { data, png } = await computeHero(session, image, key);
    mkdirSync(out, { recursive: true });
    writeFileSync(files[1]!, png);
    writeFileSync(files[0]!, JSON.stringify(data));
  } finally {
    session.close();
  }
  return { status: 'written', bytes: size() };
}
