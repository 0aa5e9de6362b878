/** The parts of the gradient code that need no weights: checks, rank correlation, bases, transforms, octaves, and the CLI's refusals. */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomizedLayers, rankCorrelation, type Heatmap } from '../../../../src/lib/engine/gradients/attribution';
import { DEFAULT_DREAM, octaveSizes, validateDream } from '../../../../src/lib/engine/gradients/dream';
import { DEFAULT_FEATURE_VIS, validateFeatureVis } from '../../../../src/lib/engine/gradients/feature-vis';
import { netShape, validateObjective } from '../../../../src/lib/engine/gradients/objective';
import { fourierBasis } from '../../../../src/lib/engine/gradients/param';
import { rng } from '../../../../src/lib/engine/gradients/random';
import { randomTransform } from '../../../../src/lib/engine/gradients/transform';
import { REPO_ROOT } from '../helpers';

const net = netShape();
const map = (values: number[]): Heatmap => ({ width: values.length, height: 1, values: Float32Array.from(values) });

describe('objective checks', () => {
  it('accepts valid objectives', () => {
    expect(validateObjective(net, { kind: 'channel', tap: 'inception_4c/output', channel: 511, sign: -1 })).toBeNull();
    expect(validateObjective(net, { kind: 'unit', tap: 'conv2/3x3', channel: 0, y: 55, x: 0 })).toBeNull();
    expect(validateObjective(net, { kind: 'logit', classIndex: 999 })).toBeNull();
    expect(validateObjective(net, { kind: 'layer', tap: 'inception_4c/3x3' })).toBeNull();
  });

  it('refuses each invalid one with one line naming the valid range', () => {
    const cases: [Parameters<typeof validateObjective>[1], RegExp][] = [
      [{ kind: 'channel', tap: 'inception_9z/output', channel: 0 }, /^unknown layer "inception_9z\/output"/],
      [{ kind: 'channel', tap: 'inception_4c/output', channel: 512 }, /from 0 to 511$/],
      [{ kind: 'channel', tap: 'conv2/3x3', channel: 1.5 }, /from 0 to 191$/],
      [{ kind: 'channel', tap: 'conv2/3x3', channel: 1, sign: 2 as 1 }, /sign must be 1 or -1/],
      [{ kind: 'unit', tap: 'inception_5b/output', channel: 0, y: 7, x: 0 }, /y from 0 to 6 and x from 0 to 6$/],
      [{ kind: 'logit', classIndex: -1 }, /from 0 to 999$/]
    ];
    for (const [o, message] of cases) {
      const problem = validateObjective(net, o);
      expect(problem, JSON.stringify(o)).toMatch(message);
      expect(problem).not.toContain('\n');
    }
    expect(validateObjective({ ...net, differentiable: undefined }, { kind: 'logit', classIndex: 1 })).toMatch(/no gradients/);
  });

  it('checks feature visualization and dream settings', () => {
    expect(validateFeatureVis(DEFAULT_FEATURE_VIS)).toBeNull();
    expect(validateFeatureVis({ ...DEFAULT_FEATURE_VIS, size: 16 })).toMatch(/size 16 is out of range: expected an integer from 32 to 512/);
    expect(validateFeatureVis({ ...DEFAULT_FEATURE_VIS, steps: 0 })).toMatch(/steps 0/);
    expect(validateDream(net, DEFAULT_DREAM)).toBeNull();
    expect(validateDream(net, { ...DEFAULT_DREAM, tap: 'pool9' })).toMatch(/unknown layer "pool9"/);
    expect(validateDream(net, { ...DEFAULT_DREAM, octaves: 0 })).toMatch(/octaves 0 is out of range/);
  });
});

describe('rank correlation', () => {
  it('is 1 for the same order, -1 for the reverse, and averages ties', () => {
    expect(rankCorrelation(map([1, 2, 3, 4]), map([10, 20, 30, 400]))).toBeCloseTo(1, 12);
    expect(rankCorrelation(map([1, 2, 3, 4]), map([4, 3, 2, 1]))).toBeCloseTo(-1, 12);
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
    expect(rankCorrelation(map([1, 2, 2, 3]), map([1, 3, 2, 4]))).toBeCloseTo(0.9486832980505138, 6);
    expect(() => rankCorrelation(map([1, 2]), map([1, 2, 3]))).toThrow(/differ in size/);
  });
});

describe('cascading randomization', () => {
  it('re-draws the named layer and every weighted layer above it', () => {
    expect(randomizedLayers(net.plan, 'loss3/classifier')).toEqual(['loss3/classifier']);
    const five = randomizedLayers(net.plan, 'inception_5b');
    expect(five[0]).toBe('inception_5b/1x1');
    expect(five.at(-1)).toBe('loss3/classifier');
    expect(five).toHaveLength(7);
    expect(() => randomizedLayers(net.plan, 'inception_6a')).toThrow(/unknown layer "inception_6a"/);
  });
});

describe('feature visualization parts', () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
  });

  it('has an orthonormal Fourier basis with the frequencies in order', () => {
    for (const n of [8, 9]) {
      const { basis, freq } = fourierBasis(n);
      const b = tf.tensor2d(basis, [n, n]);
      const gram = tf.matMul(b, b, true, false).dataSync();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(gram[i * n + j]!).toBeCloseTo(i === j ? 1 : 0, 5);
      expect(Array.from(freq.slice(0, 4))).toEqual([0, 1 / n, 1 / n, 2 / n].map(Math.fround));
      b.dispose();
    }
  });

  it('undoes each random transform with its inverse', () => {
    const r = rng(5);
    for (let k = 0; k < 20; k++) {
      const { forward: f, inverse: g } = randomTransform(r, 128, DEFAULT_FEATURE_VIS);
      // a point through the inverse then the forward map comes back (source = f(out), out = g(source))
      const [x, y] = [37, 90];
      const sx = g[0]! * x + g[1]! * y + g[2]!;
      const sy = g[3]! * x + g[4]! * y + g[5]!;
      expect(f[0]! * sx + f[1]! * sy + f[2]!).toBeCloseTo(x, 9);
      expect(f[3]! * sx + f[4]! * sy + f[5]!).toBeCloseTo(y, 9);
    }
  });

  it('plans octaves from small to the photo scaled to maxSide, never below 48 pixels', () => {
    const sizes = octaveSizes(896, 600, DEFAULT_DREAM);
    expect(sizes.at(-1)).toEqual([300, 448]);
    expect(sizes).toHaveLength(4);
    expect(sizes[0]).toEqual([Math.round(300 / 1.4 ** 3), Math.round(448 / 1.4 ** 3)]);
    expect(octaveSizes(100, 60, DEFAULT_DREAM)).toEqual([[60, 100]]);
  });
});

describe('command line refusals', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  const cases: [string[], RegExp][] = [
    [['visualize', '--layer', 'inception_4c/output', '--channel', '512', '--out', 'x.png'], /^--channel for inception_4c\/output 512 is out of range: expected an integer from 0 to 511 \(usage: visualize/],
    [['visualize', '--layer', 'inception_9z', '--channel', '1', '--out', 'x.png'], /^unknown layer "inception_9z"/],
    [['visualize', '--layer', 'conv2/3x3', '--channel', '1', '--size', '8', '--out', 'x.png'], /^--size 8 is out of range: expected an integer from 32 to 512/],
    [['visualize', '--layer', 'conv2/3x3', '--channel', '1', '--steps', 'many', '--out', 'x.png'], /^--steps many is out of range: expected an integer from 1 to 4096/],
    [['attribute', 'photo.png', '--class', '1000', '--out', 'x.png'], /^--class 1000 is out of range: expected an integer from 0 to 999/],
    [['dream', 'photo.png', '--layer', 'nope', '--out', 'x.png'], /^unknown layer "nope"/],
    [['dream', 'photo.png', '--out', 'x.jpg'], /^--out x.jpg: the output is a PNG file/]
  ];
  for (const [args, message] of cases)
    it(`refuses ${args.join(' ')} with one line, exit 2`, { timeout: 60_000 }, () => {
      const r = cli(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
});
