/**
 * The paper's test-time cropping (section 7): resize the image so that its shorter side is 256,
 * 288, 320 or 352; take the left, centre and right squares (top, centre, bottom for a portrait
 * image); from each square the four corner and the centre 224x224 crops, plus the whole square
 * resized to 224x224; and the mirror image of each. 4 x 3 x 6 x 2 = 144 crops.
 *
 * Boxes are in pixels of the resized image (`box`) and of the original image (`source`), so a
 * view can draw them on the photo and an engine can cut them. DOM-free.
 */

export const TEST_SCALES = [256, 288, 320, 352] as const;
export const CROP_SIZE = 224;

export type SquarePosition = 'first' | 'centre' | 'last';
export const SQUARE_POSITIONS: readonly SquarePosition[] = ['first', 'centre', 'last'];

export type CropKind = 'top left' | 'top right' | 'bottom left' | 'bottom right' | 'centre' | 'whole square';
export const CROP_KINDS: readonly CropKind[] = [
  'top left',
  'top right',
  'bottom left',
  'bottom right',
  'centre',
  'whole square'
];

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Crop {
  /** Shorter side of the resized image. */
  readonly scale: number;
  /** Size of the resized image. */
  readonly resized: { readonly width: number; readonly height: number };
  readonly square: SquarePosition;
  /** "left", "centre", "right" for a landscape image; "top", "centre", "bottom" for a portrait. */
  readonly squareLabel: string;
  /** The square, in the resized image. */
  readonly squareBox: Box;
  readonly kind: CropKind;
  readonly mirrored: boolean;
  /** What is cut, in the resized image: 224x224, or the whole square for `whole square`. */
  readonly box: Box;
  /** The same region in the original image's pixels (fractional). */
  readonly source: Box;
  /** Every crop is fed to the network at this size. */
  readonly outputSize: number;
}

/** The size of an image whose shorter side is resized to `scale` (the longer side rounded). */
export function resizedSize(width: number, height: number, scale: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`not an image size: ${width}x${height}`);
  return width <= height
    ? { width: scale, height: Math.round((height * scale) / width) }
    : { width: Math.round((width * scale) / height), height: scale };
}

function squares(resized: { width: number; height: number }, scale: number): { position: SquarePosition; label: string; box: Box }[] {
  const landscape = resized.width > resized.height;
  const slack = (landscape ? resized.width : resized.height) - scale;
  const labels = landscape ? ['left', 'centre', 'right'] : ['top', 'centre', 'bottom'];
  return [0, Math.floor(slack / 2), slack].map((offset, i) => ({
    position: SQUARE_POSITIONS[i],
    label: labels[i],
    box: landscape
      ? { x: offset, y: 0, width: scale, height: scale }
      : { x: 0, y: offset, width: scale, height: scale }
  }));
}

function cut(square: Box, kind: CropKind): Box {
  if (kind === 'whole square') return square;
  const far = square.width - CROP_SIZE;
  const [dx, dy] = {
    'top left': [0, 0],
    'top right': [far, 0],
    'bottom left': [0, far],
    'bottom right': [far, far],
    centre: [Math.floor(far / 2), Math.floor(far / 2)]
  }[kind];
  return { x: square.x + dx, y: square.y + dy, width: CROP_SIZE, height: CROP_SIZE };
}

/** All 144 crops of an image of the given size, scale by scale, square by square. */
export function paperCrops(width: number, height: number, scales: readonly number[] = TEST_SCALES): Crop[] {
  return scales.flatMap((scale) => {
    if (scale < CROP_SIZE) throw new RangeError(`scale ${scale} is smaller than a ${CROP_SIZE} crop`);
    const resized = resizedSize(width, height, scale);
    // Per axis, as the resize maps them (the longer side was rounded to whole pixels).
    const fx = width / resized.width;
    const fy = height / resized.height;
    return squares(resized, scale).flatMap((sq) =>
      CROP_KINDS.flatMap((kind) => {
        const box = cut(sq.box, kind);
        const source = { x: box.x * fx, y: box.y * fy, width: box.width * fx, height: box.height * fy };
        return [false, true].map(
          (mirrored): Crop => ({
            scale,
            resized,
            square: sq.position,
            squareLabel: sq.label,
            squareBox: sq.box,
            kind,
            mirrored,
            box,
            source,
            outputSize: CROP_SIZE
          })
        );
      })
    );
  });
}
