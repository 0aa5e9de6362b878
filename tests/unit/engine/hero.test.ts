// The build's hero generator: real weights (converted from ../shared) for the picture; the cache
// and the no-weights path need none.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHero } from '../../../src/lib/node/hero';
import { openSession, type Session } from '../../../src/lib/node/session';
import type { HeroData } from '../../../src/lib/view/hero';
import { heroModel } from '../../../src/lib/view/hero';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, removeConvertedModel, REPO_ROOT, tempDir } from './helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

const never = (): Promise<Session> => Promise.reject(new Error('the engine should not start'));

describe('the hero without weights', () => {
  it('writes nothing, removes an old hero and never starts the engine', async () => {
    const temp = tempDir('hero-none');
    try {
      const out = join(temp.path, 'hero');
      mkdirSync(out);
      writeFileSync(join(out, 'hero.json'), '{}');
      const outcome = await writeHero({ out, modelDir: join(temp.path, 'no-model') }, never);
      expect(outcome).toEqual({ status: 'no-weights' });
      expect(existsSync(join(out, 'hero.json'))).toBe(false);
    } finally {
      temp.remove();
    }
  });
});

describe('cli hero', () => {
  it('without weights says how to add them, exits 0 and writes nothing; a bad flag or image is one line', () => {
    const temp = tempDir('hero-cli');
    try {
      const out = join(temp.path, 'out');
      const r = cli('hero', '--model', join(temp.path, 'none'), '--out', out);
      expect(r.status).toBe(0);
      expect(r.stderr.trim()).toBe('hero: no converted weights, so no hero picture (add them: npm run weights -- --from ../shared/models/bvlc_googlenet)');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      const flag = cli('hero', '--fast');
      expect([flag.status, flag.stderr.trim().split('\n').length]).toEqual([2, 1]);
      const image = cli('hero', '--image', join(temp.path, 'no.png'), '--out', out);
      expect([image.status, image.stderr.trim()]).toEqual([1, `hero: no image at ${join(temp.path, 'no.png')}`]);
    } finally {
      temp.remove();
    }
  }, 60_000);
});

describe(`the hero of the default sample${NEEDS_SHARED}`, () => {
  afterAll(removeConvertedModel);

  it.skipIf(!HAS_SHARED)('classifies chelsea as a cat, gives every node four thumbnails, and is cached', async () => {
    const temp = tempDir('hero');
    try {
      const modelDir = convertedModel();
      const out = join(temp.path, 'hero');
      const open = (dir: string) => openSession({ backend: 'wasm', precision: 'float32', modelDir: dir, threads: 1 });
      const first = await writeHero({ out, modelDir }, open);
      expect(first.status).toBe('written');
      const hero = JSON.parse(readFileSync(join(out, 'hero.json'), 'utf8')) as HeroData;
      expect(hero.sample).toBe('chelsea.png');
      expect(hero.top5).toHaveLength(5);
      expect(hero.top5[0]!.label).toMatch(/cat/);
      expect(hero.top5.reduce((s, p) => s + p.p, 0)).toBeLessThanOrEqual(1);
      const ids = heroModel().nodes.map((n) => n.id).filter((id) => id !== 'data');
      expect(Object.keys(hero.nodes)).toEqual(ids);
      for (const id of ids) expect(hero.nodes[id]!.thumbs).toHaveLength(4);
      const png = readFileSync(join(out, 'hero.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      if (first.status !== 'no-weights') expect(first.bytes).toBeLessThan(150_000);
      // Same weights, photo and code: nothing is recomputed.
      expect((await writeHero({ out, modelDir }, never)).status).toBe('cached');
    } finally {
      temp.remove();
    }
  }, 300_000);
});
