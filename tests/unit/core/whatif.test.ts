import { describe, expect, it } from 'vitest';
import { table1 } from '../../../src/lib/core/table1';
import { checkFilterCount, checkOverrides, layerTitle, layerTitleWithName, MAX_FILTERS, overridableLayers } from '../../../src/lib/core/whatif';

describe('what-if filter counts', () => {
  it('knows every resizable convolution by name', () => {
    const names = overridableLayers();
    expect(names).toHaveLength(3 + 9 * 6);
    expect(names).toContain('inception_4c/3x3');
    expect(names).toContain('conv2/3x3');
  });

  it('recomputes the shapes and costs downstream of a change', () => {
    const base = table1();
    const changed = table1({ overrides: { 'inception_4c/3x3': 300 } });
    expect(changed.rows[9].output).toEqual([14, 14, 512 + 44]);
    expect(changed.rows[9].filters!.n3x3).toBe(300);
    // 4d now reads 556 channels, so its first convolutions grow.
    expect(changed.rows[10].params - base.rows[10].params).toBe(44 * (112 + 144 + 32 + 64));
    expect(changed.rows[10].output).toEqual(base.rows[10].output);
    expect(changed.rows.slice(0, 9)).toEqual(base.rows.slice(0, 9));
  });

  it.each([
    ['0', /zero filters/],
    ['-3', /negative/],
    ['1.5', /not a whole number/],
    ['abc', /not a number/],
    ['', /no value/],
    [String(MAX_FILTERS + 1), /too large/],
    ['1e9', /too large/]
  ])('refuses %j with a clear message', (value, message) => {
    const r = checkFilterCount('inception_4c/3x3', value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).toMatch(/^inception_4c\/3x3: /);
      expect(r.error).not.toMatch(/\n/);
    }
  });

  it('accepts whole numbers in range, typed or not', () => {
    expect(checkFilterCount('x', ' 300 ')).toEqual({ ok: true, value: 300 });
    expect(checkFilterCount('x', 1)).toEqual({ ok: true, value: 1 });
    expect(checkFilterCount('x', MAX_FILTERS)).toEqual({ ok: true, value: MAX_FILTERS });
  });

  it('applies nothing when any value or name is wrong', () => {
    expect(checkOverrides({ 'inception_4c/3x3': '300', 'inception_4d/1x1': '0' }).ok).toBe(false);
    const unknown = checkOverrides({ 'inception_9z/1x1': 3 });
    expect(unknown).toEqual({ ok: false, error: 'inception_9z/1x1: no convolution of that name to resize' });
  });
});

describe('layers named as a reader names them', () => {
  it('reads a Caffe name as Table 1 and Figure 3 do, the Caffe name after it', () => {
    expect(layerTitle('inception_4c/3x3')).toBe('4c, 3×3 branch');
    expect(layerTitle('inception_4c/3x3_reduce')).toBe('4c, 3×3 reduce');
    expect(layerTitle('inception_5b/pool_proj')).toBe('5b, pool proj');
    expect(layerTitle('conv2/3x3_reduce')).toBe('conv2, 3×3 reduce');
    expect(layerTitle('conv1/7x7_s2')).toBe('conv1, 7×7/2');
    expect(layerTitle('loss1/fc')).toBe('loss1/fc');
    expect(layerTitleWithName('inception_4c/3x3')).toBe('4c, 3×3 branch (inception_4c/3x3)');
  });

  it('a refusal can lead with the reader’s name', () => {
    const r = checkFilterCount('inception_4c/3x3', '0', layerTitleWithName('inception_4c/3x3'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^4c, 3×3 branch \(inception_4c\/3x3\): zero filters/);
  });
});
