import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaffemodelError, decodeCaffemodel, encodeCaffemodel, type CaffeNet } from '../../../src/lib/engine/caffemodel';
import { createGoogLeNet } from '../../../src/lib/engine/googlenet';
import { caffeSource, importBlobs, transpose } from '../../../src/lib/engine/import-blobs';
import { MAIN_GROUP, weightSpecs } from '../../../src/lib/engine/weight-spec';
import { blobDirSource, sourceFrom } from '../../../src/lib/node/weight-sources';
import { HAS_SHARED, MODEL_SRC, NEEDS_SHARED, startTestBackend, tempDir } from './helpers';
import { caffeNet, random, tinyPlan, tinySpecs } from './tiny-caffe';

describe('caffemodel parser', () => {
  const net = caffeNet(tinySpecs);
  const blobOf = (layer: string, i: number) => net.layers.find((l) => l.name === layer)!.blobs[i]!;

  it('reads blobs in the current and the legacy (V1) layout alike', { timeout: 30_000 }, () => {
    for (const legacy of [false, true]) {
      const back = decodeCaffemodel(encodeCaffemodel(net, { legacy }));
      expect(back.layers.map((l) => l.name)).toEqual(net.layers.map((l) => l.name));
      const conv = back.layers.find((l) => l.name === 'inception_4c/5x5')!;
      expect(conv.blobs[0]!.data).toEqual(blobOf('inception_4c/5x5', 0).data);
      const imported = importBlobs(caffeSource(back), tinySpecs);
      expect(imported.auxHeads).toEqual(['loss1', 'loss2']);
      expect(imported.weights.map((w) => w.name)).toEqual(tinySpecs.map((s) => s.name));
    }
  });

  it('turns conv filters [out, in, kh, kw] into [kh, kw, in, out]', () => {
    const w = importBlobs(caffeSource(net), tinySpecs).weights.find((x) => x.name === 'conv1/7x7_s2/filter')!;
    const caffe = blobOf('conv1/7x7_s2', 0).data;
    expect(w.shape).toEqual([7, 7, 3, 2]);
    // [o, i, y, x] in Caffe is [y, x, i, o] here
    for (const [o, i, y, x] of [[0, 0, 0, 0], [1, 2, 3, 4], [0, 1, 6, 5]] as const)
      expect(w.data[((y * 7 + x) * 3 + i) * 2 + o]).toBe(caffe[((o * 3 + i) * 7 + y) * 7 + x]);
  });

  it('reorders an auxiliary fc layer from Caffe (c, h, w) to NHWC (h, w, c) inputs', () => {
    const w = importBlobs(caffeSource(net), tinySpecs).weights.find((x) => x.name === 'loss1/fc/filter')!;
    const caffe = blobOf('loss1/fc', 0).data; // [1024, 128 * 4 * 4]
    expect(w.shape).toEqual([2048, 1024]);
    for (const [o, c, h, x] of [[0, 0, 0, 0], [5, 127, 3, 2], [1023, 64, 1, 3]] as const)
      expect(w.data[((h * 4 + x) * 128 + c) * 1024 + o]).toBe(caffe[o * 2048 + (c * 4 + h) * 4 + x]);
  });

  it('refuses a caffemodel of another network, naming what it found', () => {
    const alexnet: CaffeNet = {
      name: 'AlexNet',
      layers: [
        { name: 'conv1', blobs: [{ shape: [96, 3, 11, 11], data: random(96 * 3 * 121) }, { shape: [96], data: random(96) }] },
        { name: 'fc8', blobs: [{ shape: [1000, 16], data: random(16000) }, { shape: [1000], data: random(1000) }] }
      ]
    };
    const source = caffeSource(decodeCaffemodel(encodeCaffemodel(alexnet)));
    expect(() => importBlobs(source, tinySpecs)).toThrow(/^not BVLC GoogLeNet weights: none of the expected layers \(conv1\/7x7_s2, \.\.\.\) is there; found conv1, fc8$/);
  });

  it('refuses missing, extra and wrong-sized blobs with one line naming the blob', () => {
    const drop = { ...net, layers: net.layers.filter((l) => l.name !== 'inception_5b/pool_proj') };
    expect(() => importBlobs(caffeSource(drop), tinySpecs)).toThrow(/^missing blob inception_5b\/pool_proj\/filter \(2x8x1x1\)$/);
    const extra = { ...net, layers: [...net.layers, { name: 'fc6', blobs: [{ shape: [4], data: random(4) }] }] };
    expect(() => importBlobs(caffeSource(extra), tinySpecs)).toThrow(/^unexpected blob layer fc6, blob 0: layer fc6 is not part of GoogLeNet$/);
    const wrong = {
      ...net,
      layers: net.layers.map((l) => (l.name === 'conv2/3x3' ? { ...l, blobs: [{ shape: [2, 2, 5, 3], data: random(60) }, l.blobs[1]!] } : l))
    };
    expect(() => importBlobs(caffeSource(wrong), tinySpecs)).toThrow(/^layer conv2\/3x3, blob 0 \(conv2\/3x3\/filter\) has shape 2x2x5x3, expected 2x2x3x3$/);
    const partialAux = { ...net, layers: net.layers.filter((l) => l.name !== 'loss2/classifier') };
    expect(() => importBlobs(caffeSource(partialAux), tinySpecs)).toThrow(/^missing blob loss2\/classifier\/filter/);
  });

  it('refuses a file that is not a caffemodel, or is cut short', () => {
    const dir = tempDir('caffemodel');
    try {
      const png = join(dir.path, 'photo.caffemodel');
      writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
      expect(() => sourceFrom(png)).toThrow(CaffemodelError);
      const bytes = encodeCaffemodel(net);
      const cut = join(dir.path, 'cut.caffemodel');
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      expect(() => sourceFrom(cut)).toThrow(/^not a Caffe model file/);
      const empty = join(dir.path, 'empty.caffemodel');
      writeFileSync(empty, '');
      expect(() => sourceFrom(empty)).toThrow(/empty file$/);
    } finally {
      dir.remove();
    }
  });

  describe('auxiliary heads in the engine', () => {
    beforeAll(startTestBackend);

    it('runs loss1 and loss2 when their weights are present, as Caffe would', async () => {
      const imported = importBlobs(caffeSource(net), tinySpecs);
      const weights = Object.fromEntries(imported.weights.map((w) => [w.name, tf.tensor(w.data, [...w.shape])]));
      const model = createGoogLeNet(weights, tinyPlan);
      expect(model.auxHeads).toEqual(['loss1', 'loss2']);
      const input = tf.randomUniform([1, 224, 224, 3], -100, 100) as tf.Tensor4D;
      const { probs, taps, aux } = model.forward(input, { taps: ['loss1/conv', 'loss1/fc'] });
      expect(aux.loss1!.shape).toEqual([1, 1000]);
      expect(aux.loss2!.shape).toEqual([1, 1000]);
      expect((await tf.sum(aux.loss2!).data())[0]).toBeCloseTo(1, 5);
      // Caffe's fc: flatten the conv output as (c, h, w), multiply by [out, in], add bias, ReLU.
      const chw = tf.reshape(tf.transpose(taps['loss1/conv']!, [0, 3, 1, 2]), [1, -1]);
      const caffeW = tf.tensor2d(blobOf('loss1/fc', 0).data, [1024, 2048]);
      const expected = tf.relu(tf.add(tf.matMul(chw, caffeW, false, true), tf.tensor1d(blobOf('loss1/fc', 1).data)));
      const got = tf.reshape(taps['loss1/fc']!, [1, 1024]);
      expect((await tf.max(tf.abs(tf.sub(expected, got))).data())[0]).toBeLessThan(1e-4);
      tf.dispose([input, probs, chw, caffeW, expected, got, ...Object.values(taps), ...Object.values(aux), ...Object.values(weights)]);
    });
  });
});

describe.skipIf(!HAS_SHARED)(`the real weights through a caffemodel${NEEDS_SHARED}`, () => {
  it('gives the same tensors as the one-file-a-blob copy ([out, kh, kw, in] there)', () => {
    const specs = weightSpecs();
    const fromDir = importBlobs(blobDirSource(MODEL_SRC), specs);
    // Write the same weights the way a caffemodel holds them: conv [out, in, kh, kw].
    const main = specs.filter((s) => s.group === MAIN_GROUP); // this copy has no auxiliary heads
    const layers = [...new Set(main.map((s) => s.layer))].map((layer) => ({
      name: layer,
      blobs: (['filter', 'bias'] as const).map((blob) => {
        const s = main.find((x) => x.layer === layer && x.blob === blob)!;
        const w = fromDir.weights.find((x) => x.name === s.name)!;
        const data = s.shape.length === 4 ? transpose(w.data, s.shape, [3, 2, 0, 1]) : s.shape.length === 2 ? transpose(w.data, s.shape, [1, 0]) : w.data;
        return { shape: s.caffeShape, data };
      })
    }));
    const dir = tempDir('caffemodel-real');
    try {
      const file = join(dir.path, 'bvlc_googlenet.caffemodel');
      writeFileSync(file, encodeCaffemodel({ name: 'GoogleNet', layers }));
      const fromFile = importBlobs(sourceFrom(file), specs);
      expect(fromFile.auxHeads).toEqual([]);
      const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      expect(fromFile.weights.map((w) => w.name)).toEqual(fromDir.weights.map((w) => w.name));
      // Bit-identical (compared as bytes: a deep equal of 7M numbers would take long).
      const differ = fromFile.weights.filter((w, i) => !bytes(w.data).equals(bytes(fromDir.weights[i]!.data)));
      expect(differ.map((w) => w.name)).toEqual([]);
    } finally {
      dir.remove();
    }
  }, 60_000);

  it('is not fooled by a per-blob directory that lost a file', () => {
    const source = blobDirSource(MODEL_SRC);
    const blobs = new Map(source.blobs);
    blobs.delete('inception_3a/5x5/bias');
    expect(() => importBlobs({ ...source, blobs })).toThrow(/^missing blob inception_3a\/5x5\/bias \(32\)$/);
  });
});
