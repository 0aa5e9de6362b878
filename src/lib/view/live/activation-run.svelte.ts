/**
 * The architecture page's activations for the live session's photo: every node's feature map
 * from ONE forward pass of the shared engine (LiveEngine.tapMany), their thumbnails made a few
 * maps at a time between page tasks, and drawn into one sprite sheet (a blob URL the nodes show
 * cells of). A new photo replaces everything, and the previous sheet's URL is revoked, so that
 * nothing piles up however many photos the reader tries. Results for a photo the reader has
 * left are dropped.
 */
import type { InputImage, TapData } from '$lib/engine/browser';
import { yieldToPage } from '$lib/engine/browser/yield';
import { levelsToRgba } from '../activations';
import { diagramTapNames, thumbnailSheet, type TapSheet } from '../activationLayer';
import type { HeroNode } from '../hero';
import { sharedEngine } from './shared-engine';

export interface ThumbSheet {
	readonly url: string;
	readonly width: number;
	readonly height: number;
	/** By tap name. */
	readonly nodes: Readonly<Record<string, HeroNode>>;
}

export interface ActivationTimes {
	/** The forward pass with every tap, and reading the maps back. */
	readonly passMs: number;
	/** Thumbnails and the sheet (sliced). */
	readonly thumbsMs: number;
}

const TAPS = diagramTapNames();

async function sheetUrl(packed: TapSheet): Promise<string> {
	const canvas = document.createElement('canvas');
	canvas.width = packed.width;
	canvas.height = packed.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('no 2D canvas here to draw the thumbnails');
	const pixels = new ImageData(packed.width, packed.height);
	levelsToRgba(packed.levels, pixels.data);
	ctx.putImageData(pixels, 0, 0);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('the thumbnails could not be drawn');
	return URL.createObjectURL(blob);
}

export class ActivationRun {
	/** Every node's full map for the photo on show (the selected node's channel grid reads it). */
	maps = $state.raw<ReadonlyMap<string, TapData> | null>(null);
	sheet = $state.raw<ThumbSheet | null>(null);
	running = $state(false);
	error = $state<string | null>(null);
	times = $state.raw<ActivationTimes | null>(null);
	/** Photos done (tests and the benchmark wait on it). */
	done = $state(0);

	private image: InputImage | null = null;
	private weights: unknown = null;
	private generation = 0;

	/**
	 * Runs the pass for `image` unless it is the one on show (or under way) with the same
	 * `weights` (any value that changes when other weights are loaded).
	 */
	async update(image: InputImage | null, weights: unknown = null): Promise<void> {
		if (!image || (image === this.image && weights === this.weights)) return;
		this.image = image;
		this.weights = weights;
		const token = ++this.generation;
		const stale = () => token !== this.generation;
		this.running = true;
		this.error = null;
		try {
			const { engine } = await sharedEngine();
			// Marks for the benchmark, which sorts the page's long tasks by phase.
			const t0 = performance.mark('activations:pass').startTime;
			const maps = await engine.tapMany(image.pixels, TAPS);
			if (stale()) return;
			const t1 = performance.mark('activations:thumbnails').startTime;
			const packed = await thumbnailSheet(maps, yieldToPage, stale);
			if (!packed || stale()) return;
			const url = await sheetUrl(packed);
			if (stale()) {
				URL.revokeObjectURL(url);
				return;
			}
			this.dropSheet();
			this.maps = maps;
			this.sheet = { url, width: packed.width, height: packed.height, nodes: packed.nodes };
			this.times = { passMs: t1 - t0, thumbsMs: performance.mark('activations:drawn').startTime - t1 };
			this.done++;
		} catch (e) {
			if (stale()) return;
			this.image = null; // the next update tries again
			this.error = (e as Error).message;
		} finally {
			if (!stale()) this.running = false;
		}
	}

	private dropSheet(): void {
		if (this.sheet) URL.revokeObjectURL(this.sheet.url);
		this.sheet = null;
	}

	destroy(): void {
		this.generation++;
		this.dropSheet();
		this.maps = null;
		this.image = null;
	}
}
