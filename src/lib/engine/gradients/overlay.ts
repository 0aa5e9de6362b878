/**
 * A heatmap drawn over a photo (DOM-free, so the CLI and the browser share it): each pixel blends
 * toward a colour ramp (dark red -> orange -> yellow) in proportion to the map's value there; the
 * map is sampled bilinearly when its size differs from the photo's.
 */
import type { Heatmap } from './attribution';
import type { RgbaImage } from './image';

/** The ramp at v in [0, 1]: [r, g, b] in 0..255. */
export function heatColour(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, v));
  return [Math.round(255 * Math.min(1, 0.35 + 1.3 * t)), Math.round(255 * Math.max(0, Math.min(1, 1.6 * t - 0.4))), Math.round(255 * Math.max(0, 2.5 * t - 1.5))];
}

/** The map's value at a photo pixel's centre. */
function sample(map: Heatmap, x: number, y: number, width: number, height: number): number {
  const fx = Math.min(map.width - 1, Math.max(0, ((x + 0.5) * map.width) / width - 0.5));
  const fy = Math.min(map.height - 1, Math.max(0, ((y + 0.5) * map.height) / height - 0.5));
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(map.width - 1, x0 + 1);
  const y1 = Math.min(map.height - 1, y0 + 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const v = (xx: number, yy: number) => map.values[yy * map.width + xx]!;
  return (v(x0, y0) * (1 - ax) + v(x1, y0) * ax) * (1 - ay) + (v(x0, y1) * (1 - ax) + v(x1, y1) * ax) * ay;
}

/** `photo` with `map` blended over it: weight `opacity` x value, so cold regions stay as they were. */
export function overlayHeatmap(photo: RgbaImage, map: Heatmap, opacity = 0.7): RgbaImage {
  const { width, height } = photo;
  const data = new Uint8ClampedArray(photo.data);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = sample(map, x, y, width, height);
      const a = opacity * v;
      const c = heatColour(v);
      const i = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) data[i + k] = data[i + k]! * (1 - a) + c[k]! * a;
      data[i + 3] = 255;
    }
  return { width, height, data };
}

/** The map alone as a grey picture (white = 1). */
export function heatmapImage(map: Heatmap): RgbaImage {
  const data = new Uint8ClampedArray(map.width * map.height * 4);
  map.values.forEach((v, i) => {
    data.fill(Math.round(255 * v), i * 4, i * 4 + 3);
    data[i * 4 + 3] = 255;
  });
  return { width: map.width, height: map.height, data };
}
