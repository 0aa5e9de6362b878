/**
 * What-if filter counts: a reader (or a script) sets any convolution's filter count by its layer
 * name, and everything recomputes through the same plan. Values are checked here, once, for the
 * page and the command line alike.
 */
import { FILTER_SUFFIX } from './inception';
import { FILTER_KEYS, GOOGLENET, isInception, type Network } from './network';

/** Past this, a layer stops being a what-if and becomes a typo (4096 is 4x the widest in the paper). */
export const MAX_FILTERS = 4096;

export type Overrides = Readonly<Record<string, number>>;

/** Every layer name whose filter count can be overridden, in network order. */
export function overridableLayers(net: Network = GOOGLENET): string[] {
  return net.rows.flatMap((r) =>
    isInception(r.block)
      ? FILTER_KEYS.map((k) => `${(r.block as { name: string }).name}/${FILTER_SUFFIX[k]}`)
      : r.block.filter((l) => l.op === 'conv').map((l) => l.name)
  );
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const PART: Readonly<Record<string, string>> = {
  '1x1': '1×1 branch',
  '3x3_reduce': '3×3 reduce',
  '3x3': '3×3 branch',
  '5x5_reduce': '5×5 reduce',
  '5x5': '5×5 branch',
  pool_proj: 'pool proj'
};

/**
 * A layer as a reader names it from Table 1 and Figure 3: `inception_4c/3x3` -> `4c, 3×3 branch`,
 * `conv2/3x3_reduce` -> `conv2, 3×3 reduce`. Names it does not know come back as they are.
 */
export function layerTitle(layer: string): string {
  const module = /^inception_(\w+)\/(\w+)$/.exec(layer);
  if (module && PART[module[2]]) return `${module[1]}, ${PART[module[2]]}`;
  const conv = /^(conv\d)\/(\d)x\d(_reduce|_s(\d))?$/.exec(layer);
  if (conv) {
    const [, stem, k, tail, stride] = conv;
    return tail === '_reduce' ? `${stem}, ${k}×${k} reduce` : `${stem}, ${k}×${k}${stride ? `/${stride}` : ''}`;
  }
  return layer;
}

/** `4c, 3×3 branch (inception_4c/3x3)`: the reader's name first, the Caffe name (the one the address and the CLI take) after. */
export const layerTitleWithName = (layer: string): string => {
  const title = layerTitle(layer);
  return title === layer ? layer : `${title} (${layer})`;
};

/**
 * Checks one filter count given as typed (a string from an input, a URL or argv) or as a number.
 * A refusal starts with `as` (default: the layer's Caffe name, as the address and the CLI spell it).
 */
export function checkFilterCount(layer: string, raw: string | number, as: string = layer): Checked<number> {
  const text = String(raw).trim();
  const fail = (why: string): Checked<number> => ({
    ok: false,
    error: `${as}: ${why}; a filter count is a whole number from 1 to ${MAX_FILTERS}`
  });
  if (text === '') return fail('no value given');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return fail(`"${text}" is not a number`);
  const value = Number(text);
  if (!Number.isInteger(value)) return fail(`${text} is not a whole number`);
  if (value < 1) return fail(value === 0 ? 'zero filters would cut the network in two' : `${text} is negative`);
  if (value > MAX_FILTERS) return fail(`${text} is too large`);
  return { ok: true, value };
}

/** Checks a whole set of overrides; the first problem wins, and nothing is applied on failure. */
export function checkOverrides(raw: Readonly<Record<string, string | number>>): Checked<Overrides> {
  const known = new Set(overridableLayers());
  const out: Record<string, number> = {};
  for (const [layer, value] of Object.entries(raw)) {
    if (!known.has(layer)) return { ok: false, error: `${layer}: no convolution of that name to resize` };
    const checked = checkFilterCount(layer, value);
    if (!checked.ok) return checked;
    out[layer] = checked.value;
  }
  return { ok: true, value: out };
}
