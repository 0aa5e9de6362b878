// Two stacked 3x3 convolutions, both made `width` filters wide, on a fixed input: the paper's
// example of why uniform widening costs quadratically. Costed by the core's plan and layerCost,
// not by a formula of its own. DOM-free.
import { layerCost, type LayerCost } from '$lib/core/cost';
import type { Network } from '$lib/core/network';
import { plan, planLayersInOrder } from '$lib/core/plan';

/** The fixed input of the example: a 28x28 map with 192 channels (what Inception 3a receives). */
export const WIDENING_INPUT = [28, 28, 192] as const;

export function stackOfTwo(width: number, input: readonly [number, number, number] = WIDENING_INPUT): Network {
	const conv = (name: string) =>
		({ op: 'conv', name, kernel: 3, stride: 1, pad: 1, filters: width }) as const;
	return {
		name: `two 3x3 convolutions, ${width} wide`,
		input,
		meanBgr: [0, 0, 0],
		rows: [
			{ row: 1, type: 'convolution', patch: '3x3/1', depth: 1, block: [conv('first 3x3')] },
			{ row: 2, type: 'convolution', patch: '3x3/1', depth: 1, block: [conv('second 3x3')] }
		],
		aux: []
	};
}

/** The two layers' costs (weights only, as the paper counts) at a given width. */
export function wideningCost(width: number): readonly [LayerCost, LayerCost] {
	const [first, second] = planLayersInOrder(plan({}, stackOfTwo(width))).map((l) => layerCost(l, 'printed'));
	return [first, second];
}
