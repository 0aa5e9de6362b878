// The architecture page's charts write ops as the rest of the page does: in powers of 1000, under
// either K (the running totals once ended on "1.4G MACs" beside the summary's 1.5G).
import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { cumulative } from '../../../src/lib/view/chartData';
import { opsText, paramsText } from '../../../src/lib/view/figures';
import { axisUnit, macsPerRow, runningTotals } from '../../../components/charts/plots';

/** The texts of a chart's text marks (the end labels), by drawing nothing: reading the options. */
function endLabels(options: ReturnType<typeof runningTotals>): string[] {
  return (options.marks ?? []).flatMap((m) => {
    const data = (m as { data?: unknown }).data;
    return Array.isArray(data) ? data.flatMap((d) => (d && typeof d === 'object' && 'text' in d ? [String(d.text)] : [])) : [];
  });
}

describe('the architecture charts’ figures', () => {
  for (const naive of ['none', 'all'] as const) {
    for (const kilo of [1024, 1000] as const) {
      it(`running totals end on the summary’s figures (${naive} naive, K = ${kilo})`, () => {
        const cost = networkCost({ convention: 'printed', naive });
        const paper = networkCost({ convention: 'printed' });
        const depth = cumulative(cost);
        const paperDepth = cumulative(paper);
        const values = [...depth.map((d) => d.params), ...depth.map((d) => d.macs), ...paperDepth.map((d) => d.params), ...paperDepth.map((d) => d.macs)];
        const labels = [...new Set(endLabels(runningTotals(depth.map((d) => d.label), values, 600, kilo, 'MACs')))];
        const units = { unit: 'macs', kilo } as const;
        expect(labels.sort()).toEqual([`${opsText(cost.total.macs, units)} MACs`, `${paramsText(cost.total.params, units)} params`].sort());
        expect(labels.join()).toContain(naive === 'all' ? '12.5G MACs' : '1.5G MACs');
      });
    }
  }

  it('the ops axis counts in powers of 1000', () => {
    expect(axisUnit(12.5e9)).toEqual({ div: 1e9, suffix: 'G' });
    expect(axisUnit(360e6)).toEqual({ div: 1e6, suffix: 'M' });
    const options = macsPerRow(['3a'], [128e6, 300e6, 128e6], 600, 'multiply-adds');
    const format = (options.x as { tickFormat: (d: number) => string }).tickFormat;
    expect(format(300)).toBe('300M');
    expect(format(0)).toBe('0');
  });
});

describe('the architecture charts in the Korean edition', () => {
  it('write their axis titles, ticks and end labels in Korean, the figures unchanged', () => {
    const cost = networkCost({ convention: 'printed' });
    const depth = cumulative(cost);
    const values = [...depth.map((d) => d.params), ...depth.map((d) => d.macs), ...depth.map((d) => d.params), ...depth.map((d) => d.macs)];
    const ko = runningTotals(depth.map((d) => d.label), values, 600, 1024, 'MACs', 'ko');
    const y = ko.y as { label: string; tickFormat: (d: number) => string };
    expect(y.label).toBe('논문 전체 값의 배수 ↑');
    expect(y.tickFormat(1)).toBe('1배');
    const units = { unit: 'macs', kilo: 1024 } as const;
    expect([...new Set(endLabels(ko))].sort()).toEqual([`MACs ${opsText(cost.total.macs, units)}`, `매개변수 ${paramsText(cost.total.params, units)}`].sort());
    const en = runningTotals(depth.map((d) => d.label), values, 600, 1024, 'MACs');
    expect((en.y as { label: string; tickFormat: (d: number) => string }).tickFormat(1)).toBe('1×');
    expect((macsPerRow(['3a'], [1, 2, 1], 600, '곱셈-덧셈 연산', 'ko').x as { label: string }).label).toBe('곱셈-덧셈 연산 →');
  });
});
