import { describe, expect, it } from 'vitest';
import { packBias, packPanels, winogradG } from '../../../src/lib/simd/pack';

describe('packing for the kernels', () => {
  it('lays a [k, n] matrix out in panels of 8 columns, zeros past the last column', () => {
    const b = Float32Array.from({ length: 2 * 10 }, (_, i) => i + 1); // 2 x 10
    const p = Array.from(packPanels(b, 2, 10));
    expect(p).toHaveLength(2 * 16);
    expect(p.slice(0, 16)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(p.slice(16)).toEqual([9, 10, 0, 0, 0, 0, 0, 0, 19, 20, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(packBias(Float32Array.of(1, 2, 3)))).toEqual([1, 2, 3, 0, 0, 0, 0, 0]);
  });

  it("derives Lavin & Gray's G for F(4x4, 3x3), and F(2x2, 5x5)'s from the same points", () => {
    const close = (m: number[][]) => m.map((r) => r.map((v) => Math.round(v * 1e9) / 1e9));
    const lavin = [
      [1 / 4, 0, 0],
      [-1 / 6, -1 / 6, -1 / 6],
      [-1 / 6, 1 / 6, -1 / 6],
      [1 / 24, 1 / 12, 1 / 6],
      [1 / 24, -1 / 12, 1 / 6],
      [0, 0, 1]
    ];
    expect(close(winogradG(3))).toEqual(close(lavin));
    const g5 = winogradG(5);
    expect(g5).toHaveLength(6);
    expect(close([g5[3]!])).toEqual(close([[1 / 24, 2 / 24, 4 / 24, 8 / 24, 16 / 24]]));
    expect(g5[5]).toEqual([0, 0, 0, 0, 1]);
  });
});
