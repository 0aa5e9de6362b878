import * as tf from '@tensorflow/tfjs';
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../src/lib/core/plan';
import { encodeModel, toFloat16Bits } from '../../../src/lib/engine/manifest';
import { loadWeights } from '../../../src/lib/engine/load-weights';
import { weightSpecs } from '../../../src/lib/engine/weight-spec';
import { readConverted } from '../../../src/lib/node/model-files';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, removeConvertedModel, startTestBackend, tempDir } from './helpers';

describe('float16 encoding', () => {
  it('rounds to the nearest half, ties to even, with subnormals and overflow', () => {
    const cases: [number, number][] = [
      [0, 0x0000], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800], [65504, 0x7bff], [65520, 0x7c00], [1e6, 0x7c00],
      [Infinity, 0x7c00], [2 ** -24, 0x0001], [2 ** -25, 0x0000], [3 * 2 ** -25, 0x0002], [2 ** -14, 0x0400],
      [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02], [0.1, 0x2e66]
    ];
    for (const [value, bits] of cases) expect([value, toFloat16Bits(value)]).toEqual([value, bits]);
    expect(toFloat16Bits(NaN) & 0x7c00).toBe(0x7c00);
  });

  it('is what tf.io.decodeWeights reads back, as float32 tensors', async () => {
    await startTestBackend();
    const values = Float32Array.from([0, 1, -2, 0.1, 3.14159, 1e-5, -65504]);
    const imported = { weights: [{ name: 'w', shape: [7], data: values }], auxHeads: [] };
    const { modelJson, shards } = encodeModel(imported, 'float16', 'test');
    expect(modelJson.weightsManifest[0]!.weights[0]).toEqual({ name: 'w', shape: [7], dtype: 'float32', quantization: { dtype: 'float16' } });
    const t = tf.io.decodeWeights(shards.map((s) => s.bytes.slice().buffer as ArrayBuffer), modelJson.weightsManifest[0]!.weights)['w']!;
    expect(t.dtype).toBe('float32');
    const back = (await t.data()) as Float32Array;
    values.forEach((v, i) => expect(Math.abs(back[i]! - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -24));
    t.dispose();
  });
});

describe.skipIf(!HAS_SHARED)(`loading converted weights${NEEDS_SHARED}`, () => {
  let temp: ReturnType<typeof tempDir>; // made in beforeAll: a skipped suite leaves nothing behind
  beforeAll(async () => {
    temp = tempDir('manifest');
    await startTestBackend();
  }, 30_000);
  afterAll(() => {
    removeConvertedModel();
    temp.remove();
  });

  const damaged = (name: string, change: (dir: string) => void) => {
    const dir = join(temp.path, name);
    cpSync(convertedModel(), dir, { recursive: true });
    change(dir);
    return dir;
  };

  it('refuses a truncated shard, a missing shard, a foreign model.json and missing labels', async () => {
    const shard = (d: string, precision: string, i: number) => {
      const json = JSON.parse(readFileSync(join(d, precision, 'model.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
      return join(d, precision, json.weightsManifest[0]!.paths[i]!);
    };
    const cut = damaged('cut', (d) => truncateSync(shard(d, 'float32', 2), 1000));
    await expect(readConverted('float32', cut)).rejects.toThrow(/shards .* hold \d+ bytes, expected 27994208 \(truncated or from another conversion\?\)$/);
    const gone = damaged('gone', (d) => rmSync(shard(d, 'float16', 1)));
    await expect(readConverted('float16', gone)).rejects.toThrow(/^missing shard .*float16\/group1-shard2of4\.[0-9a-f]{8}\.bin: run `npm run weights -- --from \.\.\/shared\/models\/bvlc_googlenet` again$/);
    const foreign = damaged('foreign', (d) => writeFileSync(join(d, 'float32/model.json'), JSON.stringify({ modelTopology: {}, weightsManifest: [] })));
    await expect(readConverted('float32', foreign)).rejects.toThrow(/model\.json is not a converted GoogLeNet model\.json$/);
    const nolabels = damaged('nolabels', (d) => rmSync(join(d, 'labels.json')));
    await expect(readConverted('float32', nolabels)).rejects.toThrow(/^no converted weights at /);
    expect(tf.memory().numTensors).toBe(0);
  }, 60_000);

  it('refuses weights converted for a different description (a what-if plan)', async () => {
    const dir = convertedModel();
    const model = JSON.parse(readFileSync(join(dir, 'float32/model.json'), 'utf8'));
    const wider = weightSpecs(plan({ overrides: { 'inception_4c/3x3': 300 } }));
    await expect(loadWeights(model, async () => new ArrayBuffer(0), 'model.json', wider)).rejects.toThrow(
      /^model\.json: weight inception_4c\/3x3\/filter has shape 3x3x128x256, expected 3x3x128x300$/
    );
  });
});
