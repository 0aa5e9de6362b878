import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BackendError, candidates, selectBackend } from '../../../src/lib/engine/backend';
import { WASM_DIST } from '../../../src/lib/node/backend-node';
import { REPO_ROOT } from './helpers';

describe('choosing a backend in Node', () => {
  it('offers WASM then CPU, never a GPU backend', () => {
    expect(candidates()).toEqual(['wasm', 'cpu']);
  });

  it('uses the one asked for, or refuses in one line when told to be strict', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const refused = selectBackend('webgl', { strict: true });
    await expect(refused).rejects.toBeInstanceOf(BackendError);
    // The English the CLI prints, and the key a page shows in its edition.
    await expect(refused).rejects.toMatchObject({ message: 'backend webgl is not available here (try wasm, cpu)', key: 'engine.backend.notHere' });
  });

  it('falls back to the best that starts (WASM, SIMD) when the one asked for cannot', async () => {
    expect(await selectBackend('webgpu', { wasmPaths: WASM_DIST })).toBe('wasm');
    expect(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')).toBe(true);
    expect(await selectBackend()).toBe('wasm');
  });
});

describe('WASM threads in Node (the shim in lib/node/backend-node.ts)', () => {
  it('starts two XNNPACK threads and computes what one thread computes', () => {
    // In a child process: a WASM backend's thread count is fixed for the life of a process.
    const script = `
      import * as tf from '@tensorflow/tfjs';
      import { startNodeBackend } from './src/lib/node/backend-node.ts';
      const info = await startNodeBackend('wasm', Number(process.argv[1]));
      const x = tf.tensor4d(Array.from({ length: 2 * 32 * 32 * 8 }, (_, i) => Math.sin(i)), [2, 32, 32, 8]);
      const w = tf.tensor4d(Array.from({ length: 3 * 3 * 8 * 16 }, (_, i) => Math.cos(i)), [3, 3, 8, 16]);
      const sum = (await tf.sum(tf.conv2d(x, w, 1, 'same')).data())[0];
      console.log(JSON.stringify({ ...info, sum }));
      process.exit(0);`;
    const run = (threads: number) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, String(threads)], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000
      });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { backend: string; threads: number; sum: number };
    };
    const [one, two] = [run(1), run(2)];
    expect([one.backend, one.threads, two.backend, two.threads]).toEqual(['wasm', 1, 'wasm', 2]);
    expect(two.sum).toBeCloseTo(one.sum, 2);
  }, 120_000);
});
