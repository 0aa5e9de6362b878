import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { grouped } from '../../../src/lib/core/format';
import { planLayersInOrder } from '../../../src/lib/core/plan';
import { auxHeadOf, holderOf, moduleOf, openInPlace, viewFromQuery, viewToQuery } from '../../../src/lib/view/architectureState';
import { opsArithmetic, paramsArithmetic, poolArithmetic, sumArithmetic } from '../../../src/lib/view/arithmetic';
import { branchShares, cumulative, macsByRow } from '../../../src/lib/view/chartData';
import { DEFAULT_SETTINGS } from '../../../src/lib/view/settings';

const layer = (cost: ReturnType<typeof networkCost>, name: string) =>
  [...cost.rows.flatMap((r) => r.layers), ...cost.aux.flatMap((a) => a.layers)].find((l) => l.name === name)!;

describe('architecture page state as a URL', () => {
  it('round-trips the cost settings, the shading and the open modules', () => {
    const q = 'layer=inception_4c%2F3x3&convention=run&naive=all&k=1000&set=inception_4c%2F3x3%3A300&shade=params&open=3a%2C4e';
    const { view, errors } = viewFromQuery(new URLSearchParams(q));
    expect(errors).toEqual([]);
    expect(view.shade).toBe('params');
    expect(view.open).toEqual(['inception_3a', 'inception_4e']);
    expect(view.settings.overrides).toEqual({ 'inception_4c/3x3': 300 });
    expect(viewToQuery(view).toString()).toBe(q);
    expect([...openInPlace(view)].sort()).toEqual(['inception_3a', 'inception_4c', 'inception_4e']);
  });

  it('keeps the auxiliary heads opened in place in the same list, and opens the one holding the selection', () => {
    const { view, errors } = viewFromQuery(new URLSearchParams('open=loss2,4a,inception_4b,loss1'));
    expect(errors).toEqual([]);
    expect(view.open).toEqual(['inception_4a', 'inception_4b', 'loss1', 'loss2']);
    expect(viewToQuery(view).toString()).toBe('open=4a%2C4b%2Closs1%2Closs2');
    // `all` is every module; the heads are named beside it.
    const all = viewFromQuery(new URLSearchParams('open=all,loss2')).view;
    expect(all.open).toHaveLength(10);
    expect(viewToQuery(all).toString()).toBe('open=all%2Closs2');
    expect(viewToQuery({ ...all, open: ['loss1'] }).toString()).toBe('open=loss1');
    const selected = viewFromQuery(new URLSearchParams('layer=loss2/fc')).view;
    expect([...openInPlace(selected)]).toEqual(['loss2']);
    expect(viewFromQuery(new URLSearchParams('open=loss3')).errors).toEqual(['open=loss3: no module or head loss3']);
  });

  it('leaves defaults out, writes every module as all, and names what it refused', () => {
    expect(viewToQuery({ settings: DEFAULT_SETTINGS, shade: 'macs', open: [] }).toString()).toBe('');
    expect(viewFromQuery(new URLSearchParams('open=all')).view.open).toHaveLength(9);
    expect(viewToQuery(viewFromQuery(new URLSearchParams('open=all')).view).toString()).toBe('open=all');
    const { view, errors } = viewFromQuery(new URLSearchParams('shade=colour&open=4a,6z'));
    expect(view.shade).toBe('macs');
    expect(view.open).toEqual(['inception_4a']);
    expect(errors).toEqual(['shade=colour: expected macs or params', 'open=4a,6z: no module or head 6z']);
  });

  it('knows which module a name sits in', () => {
    expect(moduleOf('inception_4c/3x3_reduce')).toBe('inception_4c');
    expect(moduleOf('inception_4c/output')).toBe('inception_4c');
    expect(moduleOf('inception_4c')).toBeUndefined();
    expect(moduleOf('conv2/3x3')).toBeUndefined();
    expect(moduleOf('loss1')).toBeUndefined();
    expect(moduleOf('loss1/fc')).toBeUndefined();
    expect(auxHeadOf('loss1/fc')).toBe('loss1');
    expect(auxHeadOf('loss1')).toBeUndefined();
    expect(auxHeadOf('inception_4c/3x3')).toBeUndefined();
    expect(holderOf('loss2/prob')).toBe('loss2');
    expect(holderOf('inception_4c/output')).toBe('inception_4c');
    expect(holderOf('prob')).toBeUndefined();
  });
});

describe('arithmetic written out', () => {
  const printed = networkCost();
  const run = networkCost({ convention: 'run' });
  it('multiplies the factors of a convolution, in MACs or FLOPs', () => {
    const l = layer(printed, 'inception_3a/3x3');
    expect(opsArithmetic(l, 'macs')).toBe('3 × 3 × 96 × 128 × 28 × 28 = 86,704,128');
    expect(opsArithmetic(l, 'flops')).toBe('2 × 3 × 3 × 96 × 128 × 28 × 28 = 173,408,256');
    expect(paramsArithmetic(l, 'printed')).toBe('3 × 3 × 96 × 128 = 110,592');
    expect(paramsArithmetic(layer(run, 'inception_3a/3x3'), 'run')).toBe('3 × 3 × 96 × 128 + 128 = 110,720');
  });

  it('writes row 1 under printed as the separable 7x7 its 2.7K implies', () => {
    const l = layer(printed, 'conv1/7x7_s2');
    const def = planLayersInOrder(printed.plan)[0].layer;
    expect(l.note).toMatch(/depthwise/);
    expect(paramsArithmetic(l, 'printed', def)).toBe('7 × 7 × 24 + 24 × 64 = 2,712');
    expect(opsArithmetic(l, 'macs')).toBe('2,712 × 112 × 112 = 34,019,328');
    expect(paramsArithmetic(layer(run, 'conv1/7x7_s2'), 'run')).toBe('7 × 7 × 3 × 64 + 64 = 9,472');
  });

  it('writes fully connected layers, pools and sums', () => {
    const fc = layer(run, 'loss1/fc');
    expect(opsArithmetic(fc, 'macs')).toBe(`2,048 × 1,024 = ${grouped(2048 * 1024)}`);
    expect(paramsArithmetic(fc, 'run')).toBe(`2,048 × 1,024 + 1,024 = ${grouped(2048 * 1024 + 1024)}`);
    const pool = planLayersInOrder(printed.plan).find((p) => p.layer.name === 'pool1/3x3_s2')!;
    expect(poolArithmetic(layer(printed, 'pool1/3x3_s2'), pool.layer)).toBe('⌈(112 + 2·0 − 3) / 2⌉ + 1 = 56');
    expect(opsArithmetic(layer(printed, 'pool1/3x3_s2'), 'macs')).toBeUndefined();
    expect(sumArithmetic([14_450_688, 86_704_128])).toBe('14,450,688 + 86,704,128 = 101,154,816');
    expect(sumArithmetic([5])).toBe('5');
  });
});

describe('chart data', () => {
  const reduced = networkCost();
  const naive = networkCost({ naive: 'all' });
  it('lists multiply-adds per row for both networks and the current one', () => {
    const rows = macsByRow(reduced, naive, reduced);
    expect(rows.map((r) => r.label)).toEqual(['conv1', 'conv2', '3a', '3b', '4a', '4b', '4c', '4d', '4e', '5a', '5b', 'linear']);
    expect(rows.reduce((s, r) => s + r.reduced, 0)).toBe(reduced.total.macs);
    expect(rows.reduce((s, r) => s + r.naive, 0)).toBe(naive.total.macs);
  });
  it('accumulates to the totals', () => {
    const points = cumulative(naive);
    expect(points).toHaveLength(19);
    expect(points.at(-1)).toMatchObject({ label: 'softmax', params: naive.total.params, macs: naive.total.macs });
  });
  it('splits each module into branch shares that add up to one', () => {
    const shares = branchShares(reduced, 'macs');
    expect(shares).toHaveLength(36);
    const m4c = shares.filter((s) => s.module === '4c');
    expect(m4c.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
    expect(m4c.find((s) => s.branch === '3x3')!.value).toBe(14 * 14 * 512 * 128 + 9 * 128 * 256 * 14 * 14);
    expect(branchShares(naive, 'params').find((s) => s.module === '3a' && s.branch === 'pool')!.value).toBe(0);
  });
});
