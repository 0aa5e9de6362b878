import { describe, expect, it } from 'vitest';
import { table1 } from '../../../src/lib/core/table1';

// The paper's output column, and its filter counts, written out independently of the description.
const PAPER_OUTPUTS = [
  '112x112x64', '56x56x64', '56x56x192', '28x28x192', '28x28x256', '28x28x480', '14x14x480',
  '14x14x512', '14x14x512', '14x14x512', '14x14x528', '14x14x832', '7x7x832', '7x7x832',
  '7x7x1024', '1x1x1024', '1x1x1024', '1x1x1000', '1x1x1000'
];

/** Weights of a reduced module by hand: 1x1, reduce + 3x3, reduce + 5x5, pool proj. */
const moduleWeights = (cin: number, [a, b, c, d, e, f]: number[]) =>
  cin * a + cin * b + 9 * b * c + cin * d + 25 * d * e + cin * f;

describe('Table 1 recomputed as printed (weights only, K = 1024, M = 10^6)', () => {
  const t = table1({ convention: 'printed' });

  it('has the 19 rows of the paper with its output sizes', () => {
    expect(t.rows.map((r) => r.row)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(t.rows.map((r) => r.output.join('x'))).toEqual(PAPER_OUTPUTS);
    expect(t.rows[10].type).toBe('inception (4d)');
  });

  it('counts row 1 as the separable 7x7 its 2.7K implies', () => {
    const weights = 7 * 7 * 3 * 8 + 24 * 64;
    expect(t.rows[0].params).toBe(weights);
    expect(t.rows[0].ops).toBe(weights * 112 * 112);
    expect(t.rows[0].check.params).toMatchObject({ printed: '2.7K', agrees: true });
    expect(t.rows[0].check.ops).toMatchObject({ printed: '34M', agrees: true });
  });

  it('recomputes every row with parameters from its filter counts', () => {
    const byRow = new Map(t.rows.map((r) => [r.row, r]));
    expect(byRow.get(3)!.params).toBe(64 * 64 + 9 * 64 * 192);
    expect(byRow.get(3)!.ops).toBe((64 * 64 + 9 * 64 * 192) * 56 * 56);
    const modules: [number, number, number, number[]][] = [
      [5, 192, 28, [64, 96, 128, 16, 32, 32]],
      [6, 256, 28, [128, 128, 192, 32, 96, 64]],
      [8, 480, 14, [192, 96, 208, 16, 48, 64]],
      [9, 512, 14, [160, 112, 224, 24, 64, 64]],
      [10, 512, 14, [128, 128, 256, 24, 64, 64]],
      [11, 512, 14, [112, 144, 288, 32, 64, 64]],
      [12, 528, 14, [256, 160, 320, 32, 128, 128]],
      [14, 832, 7, [256, 160, 320, 32, 128, 128]],
      [15, 832, 7, [384, 192, 384, 48, 128, 128]]
    ];
    for (const [row, cin, side, filters] of modules) {
      const w = moduleWeights(cin, filters);
      expect(byRow.get(row)!.params, `row ${row}`).toBe(w);
      expect(byRow.get(row)!.ops, `row ${row}`).toBe(w * side * side);
    }
    expect(byRow.get(18)!.params).toBe(1024 * 1000);
    expect(byRow.get(18)!.ops).toBe(1024 * 1000);
    for (const r of [2, 4, 7, 13, 16, 17, 19]) expect(byRow.get(r)!.params + byRow.get(r)!.ops).toBe(0);
  });

  it('names exactly the rows where the paper disagrees with its own filter counts', () => {
    const disagreements = t.rows.flatMap((r) =>
      (['params', 'ops'] as const).flatMap((col) => {
        const c = r.check[col];
        return c && !c.agrees ? [{ row: r.row, col, printed: c.printed, recomputed: col === 'params' ? r.params : r.ops }] : [];
      })
    );
    expect(disagreements).toEqual([
      { row: 6, col: 'params', printed: '380K', recomputed: 388096 }, // 379K exactly
      { row: 8, col: 'params', printed: '364K', recomputed: 375552 }, // 366.75K
      { row: 9, col: 'params', printed: '437K', recomputed: 448512 }, // 438K exactly
      { row: 10, col: 'params', printed: '463K', recomputed: 509440 }, // 497.5K
      { row: 11, col: 'params', printed: '580K', recomputed: 604672 }, // 590.5K
      { row: 12, col: 'params', printed: '840K', recomputed: 867328 }, // 847K
      { row: 14, col: 'params', printed: '1072K', recomputed: 1042432 }, // 1018K
      { row: 14, col: 'ops', printed: '54M', recomputed: 51079168 },
      { row: 15, col: 'params', printed: '1388K', recomputed: 1442816 } // 1409K
    ]);
  });

  it('accepts a printed value that is the recomputed one rounded or cut', () => {
    const r5 = t.rows[4]; // 159.5K printed as 159K, 128.05M as 128M
    expect(r5.check.params).toMatchObject({ printed: '159K', recomputed: 159.5, agrees: true });
    const r8 = t.rows[7]; // 73.6M printed as 73M
    expect(r8.check.ops!.agrees).toBe(true);
    expect(r8.check.ops!.recomputed).toBeCloseTo(73.608192, 6);
  });

  it('totals the printed convention', () => {
    expect(t.total.params).toBe(6_983_576);
    expect(t.total.ops).toBe(1_498_677_248);
  });
});

describe('Table 1 as run (the network the weights define)', () => {
  const t = table1({ convention: 'run' });

  it('counts a plain 7x7 conv1 with biases', () => {
    expect(t.rows[0].params).toBe(7 * 7 * 3 * 64 + 64);
    expect(t.rows[0].ops).toBe(7 * 7 * 3 * 64 * 112 * 112);
    expect(t.rows[0].check.params!.agrees).toBe(false);
  });

  it('totals 6,998,552 params (every float in the weights) and about 1.58G multiply-adds', () => {
    expect(t.total.params).toBe(6_998_552);
    expect(t.total.ops).toBe(1_582_671_872);
  });
});
