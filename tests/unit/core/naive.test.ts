import { describe, expect, it } from 'vitest';
import { compareModule, networkCost } from '../../../src/lib/core/cost';
import { inceptionModules } from '../../../src/lib/core/network';
import { table1 } from '../../../src/lib/core/table1';

describe('the naive module (Figure 2a)', () => {
  it('isolated: same input, no reductions, pool passes its input through', () => {
    const { naive, reduced, macRatio } = compareModule('3a');
    expect(naive.input).toEqual([28, 28, 192]);
    expect(naive.output).toEqual([28, 28, 64 + 128 + 32 + 192]);
    const weights = 192 * 64 + 9 * 192 * 128 + 25 * 192 * 32;
    expect(naive.params).toBe(weights);
    expect(naive.macs).toBe(weights * 28 * 28);
    expect(naive.branches.map((b) => b.layers.map((l) => l.name))).toEqual([
      ['inception_3a/1x1'],
      ['inception_3a/3x3'],
      ['inception_3a/5x5'],
      ['inception_3a/pool']
    ]);
    expect(reduced.output).toEqual([28, 28, 256]);
    expect(macRatio).toBeCloseTo(weights / 163_328, 10);
  });

  it('costs about 3.5x the reduced modules over the nine, on the same inputs', () => {
    const pairs = inceptionModules().map((m) => compareModule(m.id));
    const naive = pairs.reduce((s, p) => s + p.naive.macs, 0);
    const reduced = pairs.reduce((s, p) => s + p.reduced.macs, 0);
    expect(reduced).toBe(1_103_972_352);
    expect(naive / reduced).toBeCloseTo(3.5157, 4);
  });

  it('compounds when every module is naive and fed by the previous one', () => {
    const t = table1({ naive: 'all' });
    const channels = t.rows.map((r) => r.output[2]);
    // Each naive module outputs 1x1 + 3x3 + 5x5 filters plus all of its input channels.
    const expected = [192];
    for (const f of [[64, 128, 32], [128, 192, 96]]) expected.push(expected.at(-1)! + f[0] + f[1] + f[2]);
    expect(channels[4]).toBe(expected[1]); // 3a: 416
    expect(channels[5]).toBe(expected[2]); // 3b: 832
    expect(channels[14]).toBe(4944); // 5b
    expect(t.rows[17].params).toBe(4944 * 1000); // the classifier widens too
    expect(t.rows.every((r) => r.variant === undefined || r.variant === 'naive')).toBe(true);
    expect(t.total.params).toBe(97_513_240);
    expect(t.total.ops).toBe(12_484_066_432);
  });

  it('can make one module naive and lets the rest follow its wider output', () => {
    const c = networkCost({ naive: ['inception_4c'] });
    const row = (n: number) => c.rows.find((r) => r.row === n)!;
    expect(row(10).module!.variant).toBe('naive');
    expect(row(10).output).toEqual([14, 14, 128 + 256 + 64 + 512]);
    expect(row(11).module!.variant).toBe('reduced');
    expect(row(11).input).toEqual([14, 14, 960]);
    expect(row(11).output).toEqual([14, 14, 528]);
  });
});
