import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { opsText, paramsText } from '../../../src/lib/view/figures';

describe('the architecture page’s figures', () => {
  const row = (n: number) => networkCost({ convention: 'printed' }).rows.find((r) => r.row === n)!;

  it('writes params with the reader’s K and ops always in powers of 1000, as the paper does', () => {
    const c = row(8); // inception (4a): the paper prints 364K params and 73M ops
    expect(paramsText(c.params, { unit: 'macs', kilo: 1024 })).toBe('367K');
    expect(paramsText(c.params, { unit: 'macs', kilo: 1000 })).toBe('376K');
    expect(opsText(c.macs, { unit: 'macs', kilo: 1024 })).toBe('73.6M');
    expect(opsText(c.macs, { unit: 'macs', kilo: 1000 })).toBe('73.6M');
    expect(opsText(c.macs, { unit: 'flops', kilo: 1024 })).toBe('147M');
  });
});
