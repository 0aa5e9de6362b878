import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import {
  bytes,
  compact,
  fixed,
  grouped,
  groupedFor,
  inUnits,
  inWords,
  millis,
  ops,
  params,
  percent,
  scientific,
  signed,
  significant,
  times
} from '../../../src/lib/core/format';

describe('the site’s one formatter', () => {
  it('never writes a negative zero', () => {
    for (const zero of [0, -0, -0.01, -0.049, 0.04]) {
      expect(fixed(zero, 1)).toBe('0.0');
      expect(signed(zero, 1)).toBe('0.0');
      expect(percent(zero / 100, 1)).toBe('0.0%');
    }
    expect(grouped(-0.4)).toBe('0');
    expect(significant(-0.00001, 3)).toBe('-0.00001'.replace('-', '−'));
    expect(significant(-0, 3)).toBe('0');
    expect(scientific(-0, 1)).toBe('0.0');
  });

  it('writes negatives with a minus sign and positive differences with a plus', () => {
    expect(fixed(-1.25, 1)).toBe('−1.3');
    expect(signed(34.49, 1)).toBe('+34.5');
    expect(signed(-0.4, 1)).toBe('−0.4');
    expect(grouped(-1234567)).toBe('−1,234,567');
    expect(scientific(0.001234, 1)).toBe('1.2e-3');
    expect(scientific(-0.001234, 1)).toBe('−1.2e-3');
  });

  it('counts ops in powers of 1000 whatever K the reader chose for params', () => {
    const reduced = networkCost({ convention: 'printed' }).total.macs; // 1,498,677,248
    const naive = networkCost({ convention: 'printed', naive: 'all' }).total.macs;
    expect(ops(reduced)).toBe('1.5G');
    expect(ops(naive)).toBe('12.5G');
    // What the running-totals chart used to print (1024^3): the regression this guards.
    expect(compact(reduced, 1024)).toBe('1.4G');
    expect(ops(128_049_152)).toBe('128M');
  });

  it('writes params with the K asked for', () => {
    expect(params(163_328, 1024)).toBe('160K');
    expect(params(163_328, 1000)).toBe('163K');
    expect(params(6_983_576, 1000)).toBe('6.98M');
  });

  it('carries a rounding into the next unit rather than writing 1000K', () => {
    expect(compact(999_600, 1000)).toBe('1M');
    expect(compact(999, 1000)).toBe('999');
  });

  it('writes Table 1’s fixed units, words, percentages, ratios, times and sizes', () => {
    expect(inUnits(509_440, 'K', 1024, 1)).toBe('497.5K');
    expect(inUnits(34_019_328, 'M', 1000, 1)).toBe('34.0M');
    expect(inWords(1_498_677_248, 'billion', 2)).toBe('1.50 billion');
    expect(inWords(6_983_576, 'million', 1)).toBe('7.0 million');
    expect(percent(0.5648, 1)).toBe('56.5%');
    expect(percent(0.5, 0)).toBe('50%');
    expect(times(8.3333)).toBe('8.33×');
    expect(times(9.7, 1)).toBe('9.7×');
    expect(millis(42.46)).toBe('42.5');
    expect(millis(180.4)).toBe('180');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(2048)).toBe('2.0 KiB');
    expect(bytes(3 * 1024 ** 2)).toBe('3.00 MiB');
  });
});

describe('the Korean edition’s numbers', () => {
  it('groups digits and writes decimals and percentages as the English does', () => {
    expect(groupedFor(6983576, 'ko')).toBe('6,983,576');
    expect(groupedFor(-1234.6, 'ko')).toBe('−1,235');
    expect(groupedFor(-0.4, 'ko')).toBe('0');
    expect(percent(0.5648, 1, 'ko')).toBe('56.5%');
  });

  it('writes ratios with 배 and large counts in 억 and 만, the units K, M, G unchanged', () => {
    expect(times(8.34, 2, 'ko')).toBe('8.34배');
    expect(inWords(1498677248, 'billion', 2, 'ko')).toBe('15.0억');
    expect(inWords(6983576, 'million', 2, 'ko')).toBe('698만');
    expect(inWords(61e6, 'million', 1, 'ko')).toBe('6,100만');
    expect(compact(1582671872)).toBe('1.58G');
  });

  it('keeps the English edition as it was', () => {
    expect(times(8.34)).toBe('8.34×');
    expect(inWords(1498677248, 'billion')).toBe('1.50 billion');
    expect(grouped(1234567.5)).toBe('1,234,568');
  });
});
