/**
 * Test-time crops as plain data, so the page can draw them and the engine can cut them:
 * - 1: shorter side resized to 224, centre 224x224.
 * - 10: shorter side resized to 256, the four corner and the centre 224 crops, and mirrors (the
 *   Caffe/AlexNet protocol the upstream README refers to; at 224 the five would coincide).
 * - 144 (paper section 7): shorter side 256, 288, 320, 352; the left, centre and right squares
 *   (top, centre, bottom for portrait); from each the four corners and centre 224 crops plus the
 *   square resized to 224; and mirrors: 4 x 3 x 6 x 2.
 */
export type CropCount = 1 | 10 | 144;
export const CROP_COUNTS: readonly CropCount[] = [1, 10, 144];
export const CROP_SIDE = 224;
export const TEN_CROP_SCALE = 256;
export const PAPER_SCALES: readonly number[] = [256, 288, 320, 352];

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface CropBox {
  /** The image's shorter side is resized to this before cutting. */
  readonly scale: number;
  /** Size of the resized image. */
  readonly resized: { readonly width: number; readonly height: number };
  /** The square cut from the resized image (then resized to 224 if larger). */
  readonly region: Region;
  /** The same region on the original image, in its pixels (for drawing). */
  readonly source: Region;
  readonly mirror: boolean;
  /** e.g. `352 right square, top-left` */
  readonly label: string;
}

/** The image's size once its shorter side is `scale` (the longer side rounded, never shorter). */
export function resizedSize(width: number, height: number, scale: number): { width: number; height: number } {
  const k = scale / Math.min(width, height);
  return width <= height
    ? { width: scale, height: Math.max(scale, Math.round(height * k)) }
    : { width: Math.max(scale, Math.round(width * k)), height: scale };
}

/** Four corners and the centre of a `side`-square inside `area` (resized pixels). */
function fiveCrops(area: Region, side: number): [string, Region][] {
  const at = (name: string, fx: number, fy: number): [string, Region] => [
    name,
    { x: area.x + Math.floor((area.width - side) * fx), y: area.y + Math.floor((area.height - side) * fy), width: side, height: side }
  ];
  return [at('top-left', 0, 0), at('top-right', 1, 0), at('bottom-left', 0, 1), at('bottom-right', 1, 1), at('centre', 0.5, 0.5)];
}

/** The three squares along the longer side of a resized image. */
function squares(size: { width: number; height: number }): [string, Region][] {
  const side = Math.min(size.width, size.height);
  const landscape = size.width >= size.height;
  const span = (landscape ? size.width : size.height) - side;
  const names = landscape ? ['left', 'centre', 'right'] : ['top', 'centre', 'bottom'];
  return [0, 0.5, 1].map((f, i) => {
    const o = Math.floor(span * f);
    return [names[i] as string, landscape ? { x: o, y: 0, width: side, height: side } : { x: 0, y: o, width: side, height: side }];
  });
}

export function cropBoxes(width: number, height: number, count: CropCount): CropBox[] {
  const make = (scale: number, region: Region, label: string): CropBox[] => {
    const resized = resizedSize(width, height, scale);
    // Per axis: the longer side was rounded, so its scale differs slightly from the shorter's.
    const kx = width / resized.width;
    const ky = height / resized.height;
    const source = { x: region.x * kx, y: region.y * ky, width: region.width * kx, height: region.height * ky };
    return [false, true].map((mirror) => ({ scale, resized, region, source, mirror, label: `${label}${mirror ? ', mirrored' : ''}` }));
  };
  if (count === 1) {
    const r = resizedSize(width, height, CROP_SIDE);
    const [, centre] = fiveCrops({ x: 0, y: 0, ...r }, CROP_SIDE)[4] as [string, Region];
    return [make(CROP_SIDE, centre, '224 centre')[0] as CropBox];
  }
  if (count === 10) {
    const r = resizedSize(width, height, TEN_CROP_SCALE);
    return fiveCrops({ x: 0, y: 0, ...r }, CROP_SIDE).flatMap(([name, region]) => make(TEN_CROP_SCALE, region, `256 ${name}`));
  }
  return PAPER_SCALES.flatMap((scale) =>
    squares(resizedSize(width, height, scale)).flatMap(([sq, square]) => [
      ...fiveCrops(square, CROP_SIDE).flatMap(([name, region]) => make(scale, region, `${scale} ${sq} square, ${name}`)),
      ...make(scale, square, `${scale} ${sq} square, whole`)
    ])
  );
}
