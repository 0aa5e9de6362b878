/**
 * What the paper prints in Table 1's two cost columns, verbatim. These are the only cost figures
 * typed in by hand: they are the paper's claims, shown beside what the description recomputes.
 * Params are in K = 1024 weights, ops in M = 10^6 multiply-adds (see cost.ts, "printed").
 */
export interface PrintedCost {
  readonly params?: string;
  readonly ops?: string;
}

export const PRINTED_TABLE1: Readonly<Record<number, PrintedCost>> = {
  1: { params: '2.7K', ops: '34M' },
  3: { params: '112K', ops: '360M' },
  5: { params: '159K', ops: '128M' },
  6: { params: '380K', ops: '304M' },
  8: { params: '364K', ops: '73M' },
  9: { params: '437K', ops: '88M' },
  10: { params: '463K', ops: '100M' },
  11: { params: '580K', ops: '119M' },
  12: { params: '840K', ops: '170M' },
  14: { params: '1072K', ops: '54M' },
  15: { params: '1388K', ops: '71M' },
  18: { params: '1000K', ops: '1M' }
};

/** The paper's unit multipliers for the two columns. */
export const PRINTED_UNITS = { params: 1024, ops: 1e6 } as const;

export interface ParsedPrinted {
  readonly text: string;
  /** The printed number in its unit, e.g. 2.7 for "2.7K". */
  readonly value: number;
  /** One unit in the last printed digit, e.g. 0.1 for "2.7K", 1 for "380K". */
  readonly step: number;
}

export function parsePrinted(text: string): ParsedPrinted {
  const match = /^(\d+)(?:\.(\d+))?[KM]$/.exec(text);
  if (!match) throw new Error(`not a printed Table 1 value: ${text}`);
  const decimals = match[2]?.length ?? 0;
  return { text, value: Number(text.slice(0, -1)), step: 10 ** -decimals };
}
