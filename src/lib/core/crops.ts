/**
 * The paper's test-time cropping (section 7): resize the image so that its shorter side is 256,
 * 288, 320 or 352; take the left, centre and right squares (top, centre, bottom for a portrait
 * image); from each square the four corner and the centre 224x224 crops, plus the whole square
 * resized to 224x224; and the mirror image of each. 4 x 3 x 6 x 2 = 144 crops.
 *
 * Also the engine's smaller protocols: one centre crop (shorter side 224), and ten crops (shorter
 * side 256: the four corner and the centre 224 crops, and their mirrors; the Caffe/AlexNet
 * protocol the upstream README refers to).
 *
 * Boxes are in pixels of the resized image (`box`) and of the original image (`source`), so a
 * view can draw them on the photo and an engine can cut them. This is the one source of the crop
 * geometry: the engine's `cropBoxes` is built from it. DOM-free.
 */

export const TEST_SCALES = [256, 288, 320, 352] as const;
export const CROP_SIZE = 224;
/** Shorter side for the ten-crop protocol (at 224 its five crops would coincide). */
export const TEN_CROP_SCALE = 256;

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

/** One crop of any protocol. */
export interface CropRegion {
  /** Shorter side of the resized image. */
  readonly scale: number;
  /** Size of the resized image. */
  readonly resized: { readonly width: number; readonly height: number };
  readonly kind: CropKind;
  readonly mirrored: boolean;
  /** What is cut, in the resized image: 224x224, or the whole square for `whole square`. */
  readonly box: Box;
  /** The same region in the original image's pixels (fractional). */
  readonly source: Box;
  /** Every crop is fed to the network at this size. */
  readonly outputSize: number;
}

/** One of the paper's 144 crops: cut from one of three squares. */
export interface Crop extends CropRegion {
  readonly square: SquarePosition;
  /** "left", "centre", "right" for a landscape image; "top", "centre", "bottom" for a portrait (or square). */
  readonly squareLabel: string;
  /** The square, in the resized image. */
  readonly squareBox: Box;
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

/** A 224 crop in a corner or the centre of `area` (a square, or a whole resized image), or all of it. */
function cut(area: Box, kind: CropKind): Box {
  if (kind === 'whole square') return area;
  const farX = area.width - CROP_SIZE;
  const farY = area.height - CROP_SIZE;
  const [dx, dy] = {
    'top left': [0, 0],
    'top right': [farX, 0],
    'bottom left': [0, farY],
    'bottom right': [farX, farY],
    centre: [Math.floor(farX / 2), Math.floor(farY / 2)]
  }[kind];
  return { x: area.x + dx, y: area.y + dy, width: CROP_SIZE, height: CROP_SIZE };
}

/** `box` (in the image resized to `resized`) in the original image's pixels. */
function toSource(box: Box, width: number, height: number, resized: { width: number; height: number }): Box {
  // Per axis, as the resize maps them (the longer side was rounded to whole pixels).
  const fx = width / resized.width;
  const fy = height / resized.height;
  return { x: box.x * fx, y: box.y * fy, width: box.width * fx, height: box.height * fy };
}

/** The corner and centre crops of the whole image resized to `scale`, each then mirrored. */
function wholeImageCrops(width: number, height: number, scale: number, kinds: readonly CropKind[], mirrors: readonly boolean[]): CropRegion[] {
  const resized = resizedSize(width, height, scale);
  return kinds.flatMap((kind) => {
    const box = cut({ x: 0, y: 0, ...resized }, kind);
    const source = toSource(box, width, height, resized);
    return mirrors.map((mirrored): CropRegion => ({ scale, resized, kind, mirrored, box, source, outputSize: CROP_SIZE }));
  });
}

/** One crop: the centre 224 of the image resized to shorter side 224. */
export function centreCrop(width: number, height: number): CropRegion {
  return wholeImageCrops(width, height, CROP_SIZE, ['centre'], [false])[0] as CropRegion;
}

/** Ten crops: the four corners and the centre at shorter side 256, each then mirrored. */
export function tenCrops(width: number, height: number): CropRegion[] {
  return wholeImageCrops(width, height, TEN_CROP_SCALE, CROP_KINDS.slice(0, 5), [false, true]);
}

/** All 144 crops of an image of the given size, scale by scale, square by square. */
export function paperCrops(width: number, height: number, scales: readonly number[] = TEST_SCALES): Crop[] {
  return scales.flatMap((scale) => {
    if (scale < CROP_SIZE) throw new RangeError(`scale ${scale} is smaller than a ${CROP_SIZE} crop`);
    const resized = resizedSize(width, height, scale);
    return squares(resized, scale).flatMap((sq) =>
      CROP_KINDS.flatMap((kind) => {
        const box = cut(sq.box, kind);
        const source = toSource(box, width, height, resized);
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
