/**
 * Test-time crops as the engine cuts them: 1, 10 or 144 boxes (see `core/crops` for the protocols).
 * The geometry is the core's, so the boxes the notebook draws are the boxes the engine cuts; this
 * module only names them for the engine (region, mirror, a readable label).
 */
import { CROP_SIZE, centreCrop, paperCrops, tenCrops, type Box, type Crop, type CropKind, type CropRegion } from '../core/crops';

export type CropCount = 1 | 10 | 144;
export const CROP_COUNTS: readonly CropCount[] = [1, 10, 144];
export const CROP_SIDE = CROP_SIZE;

export type Region = Box;

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

/** `top-left`, ..., `centre`, `whole`. */
const kindName = (kind: CropKind): string => (kind === 'whole square' ? 'whole' : kind.replace(' ', '-'));

/**
 * The square's name in a label. The engine's labels call a square image's squares left, centre and
 * right (as a landscape's), where the notebook says top, centre, bottom; kept as they were.
 */
const SQUARE_IMAGE_NAMES = { first: 'left', centre: 'centre', last: 'right' } as const;
const squareName = (c: Crop): string => (c.resized.width === c.resized.height ? SQUARE_IMAGE_NAMES[c.square] : c.squareLabel);

function toBox(c: CropRegion, label: string): CropBox {
  return {
    scale: c.scale,
    resized: c.resized,
    region: c.box,
    source: c.source,
    mirror: c.mirrored,
    label: `${label}${c.mirrored ? ', mirrored' : ''}`
  };
}

export function cropBoxes(width: number, height: number, count: CropCount): CropBox[] {
  if (count === 1) return [toBox(centreCrop(width, height), `${CROP_SIZE} centre`)];
  if (count === 10) return tenCrops(width, height).map((c) => toBox(c, `${c.scale} ${kindName(c.kind)}`));
  return paperCrops(width, height).map((c) => toBox(c, `${c.scale} ${squareName(c)} square, ${kindName(c.kind)}`));
}
