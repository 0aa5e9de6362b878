/**
 * A layer's cost written out as arithmetic with its own numbers, e.g.
 * `3 × 3 × 96 × 128 × 28 × 28 = 86,704,128`, from the factors the cost model multiplied
 * (LayerCost.macFactors), in the convention and unit in force. DOM-free.
 */
import { separableNote, type Convention, type LayerCost } from '../core/cost';
import type { Locale } from '../i18n/locale';
import { grouped, inUnit, type OpsUnit } from '../core/format';
import type { Layer } from '../core/network';

export const TIMES = ' × ';

/** `3 × 3 × 96 × 128 × 28 × 28 = 86,704,128` (FLOPs: `2 × …`); undefined for a layer that costs none. */
export function opsArithmetic(l: LayerCost, unit: OpsUnit): string | undefined {
  if (!l.macFactors.length) return undefined;
  const factors = unit === 'flops' ? [2, ...l.macFactors] : l.macFactors;
  return `${factors.map(grouped).join(TIMES)} = ${grouped(inUnit(l.macs, unit))}`;
}

/**
 * `3 × 3 × 96 × 128 = 110,592`, plus the biases under `run` (`… + 128 = 110,720`). Row 1 under
 * `printed` is the separable 7x7: `7 × 7 × 24 + 24 × 64 = 2,712` (needs its definition).
 */
export function paramsArithmetic(l: LayerCost, convention: Convention, def?: Layer): string | undefined {
  if (l.weights === 0) return undefined;
  let weights: string;
  if (l.op === 'fc') weights = l.macFactors.map(grouped).join(TIMES);
  else if (l.macFactors.length === 6) weights = l.macFactors.slice(0, 4).map(grouped).join(TIMES);
  else if (def?.op === 'conv' && def.printedAsSeparable) {
    const mid = l.input[2] * def.printedAsSeparable.depthMultiplier;
    weights = `${[def.kernel, def.kernel, mid].join(TIMES)} + ${[mid, l.output[2]].join(TIMES)}`;
  } else weights = grouped(l.weights);
  const biases = convention === 'run' ? ` + ${grouped(l.biases)}` : '';
  return `${weights}${biases} = ${grouped(l.params)}`;
}

/** How a pooling window sets the output side: `⌈(56 + 2·0 − 3) / 2⌉ + 1 = 28`. */
export function poolArithmetic(l: LayerCost, def?: Layer): string | undefined {
  if (!def || (def.op !== 'maxpool' && def.op !== 'avgpool')) return undefined;
  return `⌈(${l.input[0]} + 2·${def.pad} − ${def.kernel}) / ${def.stride}⌉ + 1 = ${l.output[0]}`;
}

/** `14,450,688 + 86,704,128 = 101,154,816`; a single part is just itself. */
export function sumArithmetic(parts: readonly number[]): string {
  const total = parts.reduce((a, b) => a + b, 0);
  return parts.length > 1 ? `${parts.map(grouped).join(' + ')} = ${grouped(total)}` : grouped(total);
}

/** A layer's note (how row 1 is counted under `printed`) in the reader's edition; undefined when it has none. */
export function layerNote(l: LayerCost, def: Layer | undefined, locale: Locale = 'en'): string | undefined {
  if (!l.note) return undefined;
  if (def?.op === 'conv' && def.printedAsSeparable)
    return separableNote(def.kernel, def.printedAsSeparable.depthMultiplier, l.input[2], l.output[2], locale);
  return l.note;
}
