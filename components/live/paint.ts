// Canvas helpers for the live page's pictures: RGBA pixels into a canvas, an ImageBitmap (or a
// region of it) into a canvas, and an IntersectionObserver that reports which canvases are seen.

/** Puts `pixels` (RGBA, width x height) into `canvas`, sizing it to match. */
export function paintPixels(canvas: HTMLCanvasElement, pixels: Uint8ClampedArray, width: number, height: number): void {
	if (canvas.width !== width) canvas.width = width;
	if (canvas.height !== height) canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	const image = new ImageData(width, height);
	image.data.set(pixels);
	ctx.putImageData(image, 0, 0);
}

export interface Region {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

/** Draws `bitmap` (or `region` of it) into `canvas` at `width` x `height` pixels. */
export function paintBitmap(canvas: HTMLCanvasElement, bitmap: ImageBitmap, width: number, height: number, region?: Region, mirror = false): void {
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	const r = region ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
	ctx.save();
	if (mirror) {
		ctx.translate(width, 0);
		ctx.scale(-1, 1);
	}
	ctx.imageSmoothingQuality = 'high';
	ctx.drawImage(bitmap, r.x, r.y, r.width, r.height, 0, 0, width, height);
	ctx.restore();
}
