/**
 * The test-time crops as a grid of thumbnails rather than rectangles on the photo: grouped by the
 * scale the image was resized to, then the square cut from it, then the crop, each beside its
 * mirror image. Built from the same geometry as the engine's boxes (`core/crops`), in the same
 * order, so cell `index` is the engine's crop `index` and its result. DOM-free.
 */
import { centreCrop, paperCrops, tenCrops, type Box, type CropKind, type CropRegion } from '../../core/crops';
import type { CropChoice } from './query';

export interface CropCell {
	/** Position in the engine's list of crops (and of their results). */
	readonly index: number;
	readonly kind: CropKind;
	readonly mirrored: boolean;
	/** The region in the pixels of the image the crops were cut from. */
	readonly source: Box;
	/** Shorter side of the resized image the crop was cut from. */
	readonly scale: number;
	/** The square's side (`left`, `centre`, `top`...), or null where there are no squares (1 and 10 crops). */
	readonly square: string | null;
	/** `288, left square, top left, mirrored` */
	readonly name: string;
}

export interface CropSquare {
	/** `left square`, or null where the crops are cut from the whole image (1 and 10 crops). */
	readonly label: string | null;
	/** The square's side alone (`left`), or null as `label`. */
	readonly side: string | null;
	readonly cells: readonly CropCell[];
}

export interface CropScale {
	/** Shorter side of the resized image. */
	readonly scale: number;
	readonly squares: readonly CropSquare[];
}

function cell(c: CropRegion, index: number, square: string | null): CropCell {
	const label = square === null ? null : `${square} square`;
	const name = [String(c.scale), label, c.kind, c.mirrored ? 'mirrored' : null].filter((s) => s !== null).join(', ');
	return { index, kind: c.kind, mirrored: c.mirrored, source: c.source, scale: c.scale, square, name };
}

/** The crops of an image of `width` x `height`, grouped for the grid. */
export function cropGroups(width: number, height: number, count: CropChoice): CropScale[] {
	if (count === 1) return [{ scale: centreCrop(width, height).scale, squares: [{ label: null, side: null, cells: [cell(centreCrop(width, height), 0, null)] }] }];
	if (count === 10) {
		const crops = tenCrops(width, height);
		return [{ scale: crops[0]?.scale ?? 0, squares: [{ label: null, side: null, cells: crops.map((c, i) => cell(c, i, null)) }] }];
	}
	const scales: { scale: number; squares: { label: string; side: string; cells: CropCell[] }[] }[] = [];
	paperCrops(width, height).forEach((c, i) => {
		let s = scales.at(-1);
		if (s?.scale !== c.scale) scales.push((s = { scale: c.scale, squares: [] }));
		const label = `${c.squareLabel} square`;
		let sq = s.squares.at(-1);
		if (sq?.label !== label) s.squares.push((sq = { label, side: c.squareLabel, cells: [] }));
		sq.cells.push(cell(c, i, c.squareLabel));
	});
	return scales;
}

/** How many crops have `index` as their own top 1 (to set beside the average's top 1). */
export function agreeing(tops: readonly { readonly index: number }[], index: number): number {
	return tops.filter((t) => t.index === index).length;
}

/**
 * The crop the arrow keys move to in the grid, where each crop sits above its mirror: left and
 * right go to the neighbouring crop in the same row, up and down between a crop and its mirror,
 * Page Up/Down a square (12 crops) at a time, Home and End to the ends.
 */
export function stepCrop(at: number, key: string, total: number, perSquare = 12): number | null {
	const step: Record<string, number> = {
		ArrowRight: 2,
		ArrowLeft: -2,
		ArrowDown: at % 2 === 0 ? 1 : 0,
		ArrowUp: at % 2 === 1 ? -1 : 0,
		PageDown: perSquare,
		PageUp: -perSquare,
		Home: -at,
		End: total - 1 - at
	};
	const d = step[key];
	if (d === undefined) return null;
	return Math.max(0, Math.min(total - 1, at + d));
}
