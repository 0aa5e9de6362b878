// Damaged or hostile weights: non-finite values, a caffemodel built to take memory, files that
// are not files. Each is refused with one line that names the blob or the file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaffemodelError, decodeCaffemodel, encodeCaffemodel, MAX_BLOBS, MAX_LAYERS } from '../../../src/lib/engine/caffemodel';
import { importCaffemodel } from '../../../src/lib/engine/browser/import-caffemodel';
import { caffeSource, importBlobs } from '../../../src/lib/engine/import-blobs';
import { loadWeights } from '../../../src/lib/engine/load-weights';
import { encodeModel, entryBytes } from '../../../src/lib/engine/manifest';
import { sourceFrom } from '../../../src/lib/node/weight-sources';
import { startTestBackend, tempDir } from './helpers';
import { caffeNet, tinySpecs } from './tiny-caffe';

describe('non-finite weights', () => {
  beforeAll(startTestBackend);
  const net = caffeNet(tinySpecs);
  const withValue = (layer: string, index: number, value: number) => ({
    ...net,
    layers: net.layers.map((l) => {
      if (l.name !== layer) return l;
      const data = Float32Array.from(l.blobs[0]!.data);
      data[index] = value;
      return { ...l, blobs: [{ ...l.blobs[0]!, data }, l.blobs[1]!] };
    })
  });

  it('are refused at import, naming the blob', { timeout: 60_000 }, () => {
    expect(() => importBlobs(caffeSource(withValue('inception_4c/5x5', 3, NaN)), tinySpecs)).toThrow(
      /^layer inception_4c\/5x5, blob 0 \(inception_4c\/5x5\/filter\) holds NaN at index 3: these weights are damaged$/
    );
    const file = decodeCaffemodel(encodeCaffemodel(withValue('conv2/3x3', 0, -Infinity)));
    expect(() => importBlobs(caffeSource(file), tinySpecs)).toThrow(/^layer conv2\/3x3, blob 0 \(conv2\/3x3\/filter\) holds -Infinity at index 0/);
    // Finite, but beyond float16: the half-size variant would hold infinity.
    const big = importBlobs(caffeSource(withValue('conv1/7x7_s2', 5, 1e6)), tinySpecs);
    expect(() => encodeModel(big, 'float16', 'test')).toThrow(/^weight conv1\/7x7_s2\/filter holds 1000000 at index \d+: beyond what float16 can hold \(65504\)$/);
  });

  it('are refused at load, in a shard of the right size, naming the weight', { timeout: 60_000 }, async () => {
    const imported = importBlobs(caffeSource(net), tinySpecs);
    for (const precision of ['float32', 'float16'] as const) {
      const { modelJson, shards } = encodeModel(imported, precision, 'test');
      const entries = modelJson.weightsManifest[0]!.weights;
      const target = entries.findIndex((e) => e.name === 'inception_3b/3x3/filter');
      const offset = entries.slice(0, target).reduce((n, e) => n + entryBytes(e), 0) + (precision === 'float32' ? 8 : 4);
      const bytes = new Uint8Array(shards.reduce((n, s) => n + s.bytes.length, 0));
      let at = 0;
      for (const s of shards) {
        bytes.set(s.bytes, at);
        at += s.bytes.length;
      }
      if (precision === 'float32') new DataView(bytes.buffer).setFloat32(offset, NaN, true);
      else new DataView(bytes.buffer).setUint16(offset, 0x7e00, true);
      const read = async () => bytes.slice().buffer;
      const single = { ...modelJson, weightsManifest: [{ ...modelJson.weightsManifest[0]!, paths: ['all.bin'] }] };
      await expect(loadWeights(single, read, 'model.json', tinySpecs)).rejects.toThrow(
        new RegExp(`^model\\.json: weight inception_3b/3x3/filter holds ${precision === 'float32' ? 'NaN' : 'NaN or infinity'} at index 2: its shard is damaged$`)
      );
    }
  });
});

function varint(n: number): Buffer {
  const out: number[] = [];
  for (; n >= 0x80; n >>>= 7) out.push((n & 0x7f) | 0x80);
  return Buffer.from([...out, n]);
}

describe('caffemodel files that are not what they seem', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => (temp = tempDir('weights-damage')));
  afterAll(() => temp.remove());

  it('a file of nothing but empty layers is refused after a bounded number of them', () => {
    // field 100 (layer), length 0: three bytes a layer; 30 MB of them once took 2 GB to parse.
    const empty = Buffer.alloc(3 * (MAX_LAYERS + 1));
    for (let i = 0; i < MAX_LAYERS + 1; i++) empty.set([0xa2, 0x06, 0x00], i * 3);
    expect(() => decodeCaffemodel(empty)).toThrow(CaffemodelError);
    expect(() => decodeCaffemodel(empty)).toThrow(/^not a GoogLeNet model file: it has more than 10,000 layers$/);
    expect(decodeCaffemodel(empty.subarray(0, 3 * MAX_LAYERS)).layers).toHaveLength(MAX_LAYERS);
    // One layer of nothing but empty blobs (field 7, length 0).
    const blobs = Buffer.alloc(2 * (MAX_BLOBS + 1), Buffer.from([0x3a, 0x00]));
    const layer = Buffer.concat([Buffer.from([0xa2, 0x06]), varint(blobs.length), blobs]);
    expect(() => decodeCaffemodel(layer)).toThrow(CaffemodelError);
    expect(() => decodeCaffemodel(layer)).toThrow(/^not a GoogLeNet model file: it has more than 20,000 blobs$/);
  });

  it('a FIFO, /dev/zero, a link loop and a 300 MB file are refused before reading, in words', () => {
    const at = (name: string) => join(temp.path, name);
    expect(spawnSync('mkfifo', [at('pipe.caffemodel')]).status).toBe(0);
    expect(() => sourceFrom(at('pipe.caffemodel'))).toThrow(/pipe\.caffemodel: is a named pipe \(FIFO\), not a regular file$/);
    expect(() => sourceFrom('/dev/zero')).toThrow(/^\/dev\/zero: is a device, not a regular file$/);
    symlinkSync(at('b.caffemodel'), at('a.caffemodel'));
    symlinkSync(at('a.caffemodel'), at('b.caffemodel'));
    expect(() => sourceFrom(at('a.caffemodel'))).toThrow(/a\.caffemodel: too many levels of symbolic links \(a link that points back at itself\?\)$/);
    writeFileSync(at('huge.caffemodel'), '');
    truncateSync(at('huge.caffemodel'), 300 * 1024 * 1024); // sparse
    expect(() => sourceFrom(at('huge.caffemodel'))).toThrow(/huge\.caffemodel: file is 300\.00 MiB: the limit for a caffemodel is 256\.00 MiB$/);
    // A blob folder with a FIFO where a blob should be.
    mkdirSync(at('blobs/weights/conv1'), { recursive: true });
    expect(spawnSync('mkfifo', [at('blobs/weights/conv1/7x7_s2_filter.bin')]).status).toBe(0);
    expect(() => sourceFrom(at('blobs'))).toThrow(/7x7_s2_filter\.bin: is a named pipe \(FIFO\), not a regular file$/);
  });

  it('the page refuses a caffemodel over the limit before reading it', async () => {
    const file = { name: 'huge.caffemodel', size: 300 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as File;
    await expect(importCaffemodel(file)).rejects.toThrow(/^huge\.caffemodel: file is 300\.00 MiB: the limit for a caffemodel is 256\.00 MiB$/);
  });
});
