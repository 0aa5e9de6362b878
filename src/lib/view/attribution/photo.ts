/**
 * The reader's photo as the gradient worker takes it (RGBA bytes) and back as a PNG: browser-only
 * (OffscreenCanvas), DOM-free otherwise. The attribution maps are made on the centre 224 crop the
 * live page classifies (the photo resized to a 224 shorter side, the middle square), so each map
 * lies exactly over the pixels the network saw.
 */
import { centreCrop, CROP_SIZE } from '../../core/crops';
import type { RgbaImage } from '../../engine/gradients/image';
import { LocalizedError } from '../../i18n/localized-error';

export interface Photo {
	readonly width: number;
	readonly height: number;
	readonly bitmap: ImageBitmap;
}

function draw(photo: Photo, sx: number, sy: number, sw: number, sh: number, width: number, height: number): RgbaImage {
	const canvas = new OffscreenCanvas(width, height);
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	if (!ctx) throw new LocalizedError('dream.canvas.read');
	ctx.imageSmoothingQuality = 'high';
	ctx.fillStyle = 'white'; // transparent pixels on white, as the engine composites them
	ctx.fillRect(0, 0, width, height);
	ctx.drawImage(photo.bitmap, sx, sy, sw, sh, 0, 0, width, height);
	const { data } = ctx.getImageData(0, 0, width, height);
	return { width, height, data };
}

/** The centre 224x224 crop the network classifies. */
export function networkCrop(photo: Photo): RgbaImage {
	const { x, y, width, height } = centreCrop(photo.width, photo.height).source;
	return draw(photo, x, y, width, height, CROP_SIZE, CROP_SIZE);
}

/** The whole photo, scaled down (never up) so that its longer side is at most `maxSide`. */
export function scaledPhoto(photo: Photo, maxSide: number): RgbaImage {
	const k = Math.min(1, maxSide / Math.max(photo.width, photo.height));
	const width = Math.max(1, Math.round(photo.width * k));
	const height = Math.max(1, Math.round(photo.height * k));
	return draw(photo, 0, 0, photo.width, photo.height, width, height);
}

/** `image` drawn on `canvas` at its own size. */
export function paintRgba(canvas: HTMLCanvasElement, image: RgbaImage): void {
	canvas.width = image.width;
	canvas.height = image.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
}

/** `image` as a PNG file. */
export async function pngBlob(image: RgbaImage): Promise<Blob> {
	const canvas = new OffscreenCanvas(image.width, image.height);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new LocalizedError('dream.canvas.draw');
	ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
	return canvas.convertToBlob({ type: 'image/png' });
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
