import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneModelFiles } from '../../../scripts/vite-model-files.mjs';
import { run } from '../../../src/cli/weights';
import type { ModelJson } from '../../../src/lib/engine/manifest';
import { writeConverted } from '../../../src/lib/node/model-files';
import { MARKER } from '../../../src/lib/node/model-folder';
import { fingerprint, HAS_SHARED, MODEL_SRC, tempDir } from './helpers';


/** A process id that no process has now. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

const imported = (v: number) => ({ weights: [{ name: 'w', shape: [3], data: Float32Array.of(v, v + 1, v + 2) }], auxHeads: [] });
const labels = ['a', 'b'];
const model = (dir: string, precision = 'float32') => JSON.parse(readFileSync(join(dir, precision, 'model.json'), 'utf8')) as ModelJson;

describe('the --out folder of npm run weights', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => (temp = tempDir('model-folder')));
  afterAll(() => temp.remove());

  it('refuses a folder it did not write, and leaves it untouched', async () => {
    const work = join(temp.path, 'work');
    mkdirSync(join(work, 'src'), { recursive: true });
    writeFileSync(join(work, 'notes.txt'), 'precious');
    writeFileSync(join(work, 'src', 'main.ts'), 'export {};');
    const before = fingerprint(work);
    // With the real weights where they are, so the old importer would have gone all the way.
    const from = HAS_SHARED ? MODEL_SRC : join(temp.path, 'absent');
    await expect(run(['--from', from, '--out', work])).rejects.toThrow(
      /work: not a folder written by npm run weights \(it holds notes\.txt, src\); refusing to replace it: choose a new or empty folder for --out$/
    );
    expect(fingerprint(work)).toEqual(before);
    const file = join(temp.path, 'a-file');
    writeFileSync(file, 'keep me');
    await expect(run(['--from', from, '--out', file])).rejects.toThrow(/a-file: is a file, not a folder; refusing to replace it$/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(() => writeConverted(work, imported(1), labels, 'test')).toThrow(/not a folder written by npm run weights/);
    expect(fingerprint(work)).toEqual(before);
  });

  it('replaces its own conversion in place: the folder never goes away, old shards go', () => {
    const out = join(temp.path, 'own', 'googlenet');
    writeConverted(out, imported(1), labels, 'first');
    expect(existsSync(join(out, MARKER))).toBe(true);
    const inode = statSync(out).ino;
    const first = model(out).weightsManifest[0]!.paths;
    expect(first).toEqual([expect.stringMatching(/^group1-shard1of1\.[0-9a-f]{8}\.bin$/)]);
    writeConverted(out, imported(5), labels, 'second');
    expect(statSync(out).ino).toBe(inode); // never renamed aside, so never absent
    const second = model(out).weightsManifest[0]!.paths;
    expect(second).not.toEqual(first); // a shard's name follows its bytes
    expect(readdirSync(join(out, 'float32')).sort()).toEqual(['model.json', ...second].sort());
    expect(model(out).source).toBe('second');
    expect(readdirSync(join(out, '..'))).toEqual(['googlenet']); // nothing left beside it
  });

  it('takes over a conversion by an earlier version (no marker), and an empty folder', () => {
    const legacy = join(temp.path, 'legacy');
    for (const p of ['float32', 'float16']) {
      mkdirSync(join(legacy, p), { recursive: true });
      writeFileSync(join(legacy, p, 'model.json'), '{}');
      writeFileSync(join(legacy, p, 'group1-shard1of1.bin'), 'old');
    }
    writeFileSync(join(legacy, 'labels.json'), '[]');
    writeConverted(legacy, imported(1), labels, 'new');
    expect(model(legacy, 'float16').source).toBe('new');
    expect(readdirSync(join(legacy, 'float16'))).not.toContain('group1-shard1of1.bin');
    const empty = join(temp.path, 'empty');
    mkdirSync(empty);
    writeConverted(empty, imported(1), labels, 'new');
    expect(existsSync(join(empty, MARKER))).toBe(true);
  });

  it('removes temporary folders a killed run left, but not those of a run still going', () => {
    const out = join(temp.path, 'orphans', 'googlenet');
    const dead = deadPid();
    const left = [`.googlenet-new-${dead}-1`, `.googlenet-old-${dead}-2`, `.googlenet-new-${process.ppid}-3`];
    for (const name of left) {
      mkdirSync(join(out, '..', name, 'float32'), { recursive: true });
      writeFileSync(join(out, '..', name, 'float32', 'group1-shard1of1.bin'), 'partial');
    }
    writeConverted(out, imported(1), labels, 'test');
    expect(readdirSync(join(out, '..')).sort()).toEqual([`.googlenet-new-${process.ppid}-3`, 'googlenet']);
  });

  it('keeps temporary folders and stray shards out of a build', () => {
    const models = join(temp.path, 'build', 'models');
    const out = join(models, 'googlenet');
    writeConverted(out, imported(1), labels, 'test');
    const named = model(out).weightsManifest[0]!.paths[0]!;
    mkdirSync(join(models, '.googlenet-new-12-34', 'float16'), { recursive: true });
    mkdirSync(join(models, '.googlenet-old-12-34'), { recursive: true });
    writeFileSync(join(out, 'float32', 'group1-shard1of1.0badf00d.bin'), 'from a killed run');
    pruneModelFiles(models);
    expect(readdirSync(models)).toEqual(['googlenet']);
    expect(readdirSync(out).sort()).toEqual(['float16', 'float32', 'labels.json']);
    expect(readdirSync(join(out, 'float32')).sort()).toEqual([named, 'model.json'].sort());
  });
});
