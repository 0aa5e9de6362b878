/** Writes RGBA pictures as PNG files (pngjs). */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../engine/gradients/image';

/** Pictures of the same height side by side, `gap` white pixels apart. */
export function sideBySide(images: readonly RgbaImage[], gap = 4): RgbaImage {
  const height = Math.max(...images.map((i) => i.height));
  const width = images.reduce((w, i) => w + i.width, 0) + gap * (images.length - 1);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  let left = 0;
  for (const img of images) {
    for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width * 4, (y + 1) * img.width * 4), (y * width + left) * 4);
    left += img.width + gap;
  }
  return { width, height, data };
}

export function writePng(path: string, image: RgbaImage): void {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  writeFileSync(path, PNG.sync.write(png));
}
