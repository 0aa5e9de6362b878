import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPixels, topK } from '../../../src/lib/engine/classify';
import { createGoogLeNet, type GoogLeNet } from '../../../src/lib/engine/googlenet';
import { readImage } from '../../../src/lib/node/image';
import { readConverted } from '../../../src/lib/node/model-files';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, REFERENCE, removeConvertedModel, REPO_ROOT, SHARED, startTestBackend, tempDir } from './helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

describe('cli classify, usage', () => {
  it('exits 2 with one line on an unknown flag or value', () => {
    const flag = cli('classify', 'x.png', '--fast');
    expect([flag.status, flag.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(flag.stderr).toMatch(/^Unknown option '--fast'/);
    const crops = cli('classify', 'x.png', '--crops', '12');
    expect(crops.status).toBe(2);
    expect(crops.stderr).toMatch(/^unknown --crops "12": expected 1 or 10 or 144/);
  }, 30_000);

  it('says how to convert when the weights are missing', () => {
    const r = cli('classify', 'x.png', '--model', '/nonexistent/googlenet');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'no converted weights at /nonexistent/googlenet/float32/model.json: run `npm run weights -- --from ../shared/models/bvlc_googlenet` first'
    );
  }, 30_000);
});

describe.skipIf(!HAS_SHARED)(`cli classify on images${NEEDS_SHARED}`, () => {
  let temp: ReturnType<typeof tempDir>; // made in beforeAll: a skipped suite leaves nothing behind
  let model = '';
  let net: GoogLeNet;
  let labels: readonly string[];
  let weights: tf.NamedTensorMap;

  beforeAll(async () => {
    temp = tempDir('classify');
    model = convertedModel();
    await startTestBackend();
    const converted = await readConverted('float32', model);
    weights = converted.weights.tensors;
    labels = converted.labels;
    net = createGoogLeNet(weights);
  }, 60_000);
  afterAll(() => {
    tf.dispose(weights);
    removeConvertedModel();
    temp.remove();
  });

  it('prints JSON lines for good images and one line per bad one, then exits 1', () => {
    const text = join(temp.path, 'readme.png');
    writeFileSync(text, 'not an image');
    const dot = join(temp.path, 'dot.png');
    writeFileSync(dot, PNG.sync.write(new PNG({ width: 1, height: 1 })));
    // The same name in two folders: each line says which file it is about, as it was given.
    mkdirSync(join(temp.path, 'other'));
    copyFileSync(join(REFERENCE, 'coffee.png'), join(temp.path, 'other', 'coffee.png'));
    const relative = path.relative(REPO_ROOT, join(temp.path, 'other', 'coffee.png'));
    const r = cli('classify', join(REFERENCE, 'coffee.png'), relative, text, dot, '--json', '--model', model);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { image: string; top5: { index: number; label: string; p: number }[] });
    expect(lines.map((l) => l.image)).toEqual([join(REFERENCE, 'coffee.png'), relative]);
    expect(lines[0]!.top5[0]).toMatchObject({ index: 967, label: 'espresso' });
    expect(r.stderr.trim().split('\n')).toEqual([
      `${text}: not a PNG or JPEG image`,
      `${dot}: image is 1x1: too small, the minimum is 32x32 pixels`
    ]);
  }, 60_000);

  it('prints a readable table without --json', () => {
    const r = cli('classify', join(REFERENCE, 'chelsea.png'), '--model', model);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`${join(REFERENCE, 'chelsea.png')} (1 crop, wasm, float32)\n`)).toBe(true);
    expect(r.stdout).toMatch(/\n {2}1\. {2}44\.98% {2}285 {2}Egyptian cat\n/);
  }, 60_000);

  it('averages 10 crops of a photo into one distribution', async () => {
    const { width, height, data } = readImage(join(SHARED, 'samples/chelsea.png'));
    const pixels = tf.tensor3d(data, [height, width, 4], 'int32');
    const before = tf.memory().numTensors;
    let progress = 0;
    const probs = await classifyPixels(net, pixels, { crops: 10, chunk: 4, onProgress: (done) => (progress = done) });
    expect(tf.memory().numTensors).toBe(before);
    pixels.dispose();
    expect(progress).toBe(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect([281, 282, 285]).toContain(topK(probs, labels, 1)[0]!.index); // a cat, whichever kind
  }, 120_000);
});
