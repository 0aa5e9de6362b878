// Where each input channel's tile sits in the picture of all of them: a grid of near-square
// proportions with a power-of-two column count (192 channels: 16 x 12), one pixel between tiles.
// DOM-free: the tiles component paints from it and draws its highlights on it.
import { channelPixels, type Tap } from '$lib/view/live/featureMaps';

export interface TileGrid {
	readonly columns: number;
	readonly rows: number;
	/** Tile side plus the gap, in pixels of the picture. */
	readonly pitchX: number;
	readonly pitchY: number;
	readonly width: number;
	readonly height: number;
}

export const GAP = 1;

export function tileGrid(channels: number, height: number, width: number): TileGrid {
	const columns = Math.max(1, 2 ** Math.round(Math.log2(Math.sqrt((channels * 4) / 3))));
	const rows = Math.ceil(channels / columns);
	const pitchX = width + GAP;
	const pitchY = height + GAP;
	return { columns, rows, pitchX, pitchY, width: columns * pitchX - GAP, height: rows * pitchY - GAP };
}

/** Top-left corner of channel c's tile. */
export const tileAt = (g: TileGrid, c: number): { x: number; y: number } => ({ x: (c % g.columns) * g.pitchX, y: Math.floor(c / g.columns) * g.pitchY });

/** RGBA pixels of every channel's tile on one shared range, the gaps white. */
export function tilePixels(t: Tap, g: TileGrid, range: readonly [number, number]): Uint8ClampedArray {
	const out = new Uint8ClampedArray(g.width * g.height * 4).fill(255);
	const one = new Uint8ClampedArray(t.width * t.height * 4);
	for (let c = 0; c < t.channels; c++) {
		channelPixels(t, c, range, one);
		const { x, y } = tileAt(g, c);
		for (let row = 0; row < t.height; row++)
			out.set(one.subarray(row * t.width * 4, (row + 1) * t.width * 4), ((y + row) * g.width + x) * 4);
	}
	return out;
}
