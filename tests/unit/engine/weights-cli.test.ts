import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCaffemodel } from '../../../src/lib/engine/caffemodel';
import { SHARD_BYTES, type ModelJson } from '../../../src/lib/engine/manifest';
import { run } from '../../../src/cli/weights';
import { fingerprint, HAS_SHARED, MODEL_SRC, NEEDS_SHARED, REPO_ROOT, tempDir } from './helpers';

/** A port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}


/** A copy of the model folder made of links, with `change` applied to some files. */
function variant(root: string, name: string, change: (files: Map<string, string | Buffer | null>) => void): string {
  const dir = join(root, name);
  const files = new Map<string, string | Buffer | null>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(MODEL_SRC, p), p);
    }
  };
  walk(MODEL_SRC);
  change(files);
  for (const [rel, what] of files) {
    if (what === null) continue;
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    if (typeof what === 'string') symlinkSync(what, join(dir, rel));
    else writeFileSync(join(dir, rel), what);
  }
  return dir;
}

describe.skipIf(!HAS_SHARED)(`npm run weights${NEEDS_SHARED}`, () => {
  let temp: ReturnType<typeof tempDir>; // made in beforeAll: a skipped suite leaves nothing behind
  let out = '';
  let before: Record<string, string>;

  beforeAll(async () => {
    temp = tempDir('weights-cli');
    out = join(temp.path, 'googlenet');
    expect(await run(['--from', MODEL_SRC, '--out', out])).toBe(0);
    before = fingerprint(out);
  }, 60_000);
  afterAll(() => temp.remove());

  it('writes float32 and float16 weight manifests in shards of at most 4 MB, and the labels', () => {
    for (const precision of ['float32', 'float16']) {
      const model = JSON.parse(readFileSync(join(out, precision, 'model.json'), 'utf8')) as ModelJson;
      const group = model.weightsManifest[0]!;
      expect(group.weights).toHaveLength(116);
      expect(group.weights[0]).toMatchObject({ name: 'conv1/7x7_s2/filter', shape: [7, 7, 3, 64], dtype: 'float32' });
      expect(group.weights.every((w) => (precision === 'float16' ? w.quantization?.dtype === 'float16' : !w.quantization))).toBe(true);
      const sizes = group.paths.map((p) => statSync(join(out, precision, p)).size);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(SHARD_BYTES);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(6_998_552 * (precision === 'float16' ? 2 : 4));
    }
    const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8')) as string[];
    expect(labels).toHaveLength(1000);
    expect([labels[0], labels[285]]).toEqual(['tench, Tinca tinca', 'Egyptian cat']);
  });

  const bin = (path: string, bytes: number) => readFileSync(join(MODEL_SRC, path)).subarray(0, bytes);
  const size = (path: string) => statSync(join(MODEL_SRC, path)).size;
  const bad: [string, (f: Map<string, string | Buffer | null>) => void, RegExp][] = [
    ['a missing file', (f) => f.set('weights/inception_4e/3x3_bias.bin', null), /^missing blob inception_4e\/3x3\/bias \(320\)$/],
    [
      'a truncated file',
      (f) => f.set('weights/conv2/3x3_filter.bin', bin('weights/conv2/3x3_filter.bin', 1000)),
      /conv2\/3x3_filter\.bin \(conv2\/3x3\/filter\) holds 250 values, expected 110592 \(192x3x3x64\)$/
    ],
    [
      'a file with a value too many',
      (f) => f.set('weights/loss3/classifier_bias.bin', Buffer.concat([bin('weights/loss3/classifier_bias.bin', 4000), Buffer.alloc(4)])),
      /loss3\/classifier_bias\.bin \(loss3\/classifier\/bias\) holds 1001 values, expected 1000 \(1000\)$/
    ],
    [
      'a file cut inside a value',
      (f) => f.set('weights/conv1/7x7_s2_bias.bin', bin('weights/conv1/7x7_s2_bias.bin', size('weights/conv1/7x7_s2_bias.bin') - 1)),
      /7x7_s2_bias\.bin: 255 bytes is not a whole number of float32 values$/
    ],
    ['an extra blob', (f) => f.set('weights/fc6/fc6_filter.bin', Buffer.alloc(16)), /^unexpected blob .*fc6_filter\.bin: layer fc6\/fc6 is not part of GoogLeNet$/]
  ];
  for (const [what, change, message] of bad) {
    it(`refuses ${what} with one line and leaves the previous conversion intact`, async () => {
      const from = variant(temp.path, what.replace(/ /g, '-'), change);
      await expect(run(['--from', from, '--out', out])).rejects.toThrow(message);
      expect(fingerprint(out)).toEqual(before);
    });
  }

  it('refuses a caffemodel of another network and a path that is not there', async () => {
    const file = join(temp.path, 'alexnet.caffemodel');
    const conv1 = { name: 'conv1', blobs: [{ shape: [96, 3, 11, 11], data: new Float32Array(96 * 363) }, { shape: [96], data: new Float32Array(96) }] };
    writeFileSync(file, encodeCaffemodel({ name: 'CaffeNet', layers: [conv1] }));
    await expect(run(['--from', file, '--out', out, '--labels', join(MODEL_SRC, 'synset_words.txt')])).rejects.toThrow(
      /^not BVLC GoogLeNet weights: none of the expected layers \(conv1\/7x7_s2, \.\.\.\) is there; found conv1$/
    );
    await expect(run(['--from', join(temp.path, 'nothing-here'), '--out', out])).rejects.toThrow(/nothing-here: no such file or directory$/);
    expect(fingerprint(out)).toEqual(before);
  });

  it('refuses a labels file that is a FIFO (which would block) without opening it', async () => {
    const fifo = join(temp.path, 'labels-pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expect(run(['--from', MODEL_SRC, '--out', out, '--labels', fifo])).rejects.toThrow(
      /labels-pipe\.txt: is a named pipe \(FIFO\), not a regular file \(the labels file\)$/
    );
    expect(fingerprint(out)).toEqual(before);
  }, 60_000);

  it('exits 1 with one line on a failure, 2 on an unknown flag, and says how to convert when offline', async () => {
    const weights = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/weights.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    const missing = weights('--from', join(temp.path, 'nothing-here'), '--out', out);
    expect([missing.status, missing.stderr.trim().split('\n').length]).toEqual([1, 1]);
    const unknown = weights('--frum', MODEL_SRC);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown option '--frum'/);
    // A loopback port nobody listens on, as on a machine without the internet.
    const port = await closedPort();
    const offline = weights('--url', `http://127.0.0.1:${port}/bvlc_googlenet.caffemodel`, '--out', out);
    expect(offline.status).toBe(1);
    expect(offline.stderr.trim()).toMatch(/^could not reach http:\/\/127\.0\.0\.1:\d+\/bvlc_googlenet\.caffemodel \(ECONNREFUSED\); to convert a local copy instead: npm run weights -- --from \.\.\/shared\/models\/bvlc_googlenet$/);
    expect(fingerprint(out)).toEqual(before);
  }, 60_000);
});
