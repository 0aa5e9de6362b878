// Small helpers that write computed arithmetic as TeX for <Tex>. DOM-free.
import { grouped } from '$lib/core/format';
import type { LayerCost } from '$lib/core/cost';

/** 120422400 -> "120{,}422{,}400" (TeX would space a bare comma as punctuation). */
export const texNumber = (n: number): string => grouped(n).replace(/,/g, '{,}');

/** The factors of a product: "5 \times 5 \times 192". */
export const texProduct = (factors: readonly number[]): string => factors.map(texNumber).join(String.raw` \times `);

/** A layer's multiply-adds written out: "1 \times 1 \times 192 \times 16 \times 28 \times 28". */
export const texLayerMacs = (layer: LayerCost): string => texProduct(layer.macFactors);

/** "a + b = total" over several layers' multiply-adds, each as its product of factors. */
export function texSumOfLayers(layers: readonly LayerCost[]): string {
	const counted = layers.filter((l) => l.macs > 0);
	const total = counted.reduce((s, l) => s + l.macs, 0);
	const terms = counted.map(texLayerMacs).join(' + ');
	return `${terms} = ${texNumber(total)}`;
}
