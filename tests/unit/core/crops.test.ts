import { describe, expect, it } from 'vitest';
import { centreCrop, CROP_SIZE, paperCrops, resizedSize, tenCrops, TEST_SCALES } from '../../../src/lib/core/crops';

const inside = (inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe("the paper's 144 test crops", () => {
  for (const [w, h] of [
    [451, 300],
    [300, 451],
    [512, 512]
  ]) {
    it(`cuts 4 x 3 x 6 x 2 = 144 crops from a ${w}x${h} image`, () => {
      const crops = paperCrops(w, h);
      expect(crops).toHaveLength(144);
      const keys = new Set(crops.map((c) => `${c.scale}/${c.square}/${c.kind}/${c.mirrored}`));
      expect(keys.size).toBe(144);
      expect(new Set(crops.map((c) => c.scale))).toEqual(new Set(TEST_SCALES));
      expect(crops.filter((c) => c.mirrored)).toHaveLength(72);
    });

    it(`every cut box of a ${w}x${h} image is 224x224 inside its square, inside the resized image`, () => {
      for (const c of paperCrops(w, h)) {
        expect(Math.min(c.resized.width, c.resized.height)).toBe(c.scale);
        expect(c.squareBox.width).toBe(c.scale);
        expect(c.squareBox.height).toBe(c.scale);
        expect(inside(c.squareBox, { x: 0, y: 0, ...c.resized })).toBe(true);
        expect(inside(c.box, c.squareBox)).toBe(true);
        expect(c.outputSize).toBe(CROP_SIZE);
        if (c.kind === 'whole square') expect(c.box).toEqual(c.squareBox);
        else expect([c.box.width, c.box.height]).toEqual([CROP_SIZE, CROP_SIZE]);
        // The source box is the same region in the original image.
        expect(inside(c.source, { x: 0, y: 0, width: w + 1e-9, height: h + 1e-9  })).toBe(true);
      }
    });
  }

  it('takes left/centre/right squares of a landscape image and top/centre/bottom of a portrait', () => {
    const wide = paperCrops(451, 300).filter((c) => c.scale === 256 && c.kind === 'centre' && !c.mirrored);
    expect(wide.map((c) => c.squareLabel)).toEqual(['left', 'centre', 'right']);
    expect(wide.map((c) => c.squareBox.x)).toEqual([0, 64, 129]); // resized to 385x256
    const tall = paperCrops(300, 451).filter((c) => c.scale === 256 && c.kind === 'centre' && !c.mirrored);
    expect(tall.map((c) => c.squareLabel)).toEqual(['top', 'centre', 'bottom']);
    expect(tall.map((c) => c.squareBox.y)).toEqual([0, 64, 129]);
  });

  it('puts the corner crops in the corners of the square', () => {
    const sq = paperCrops(512, 512).filter((c) => c.scale === 352 && !c.mirrored);
    const at = (kind: string) => sq.find((c) => c.kind === kind)!.box;
    expect(at('top left')).toMatchObject({ x: 0, y: 0 });
    expect(at('bottom right')).toMatchObject({ x: 128, y: 128 });
    expect(at('centre')).toMatchObject({ x: 64, y: 64 });
  });

  it('resizes the shorter side to the scale', () => {
    expect(resizedSize(640, 427, 256)).toEqual({ width: 384, height: 256 });
    expect(resizedSize(427, 640, 352)).toEqual({ width: 352, height: 528 });
    expect(() => paperCrops(100, 100, [200])).toThrow(RangeError);
  });

});

describe("the engine's smaller protocols", () => {
  it('takes the centre 224 of the image resized to shorter side 224 for one crop', () => {
    expect(centreCrop(451, 300)).toMatchObject({ scale: 224, resized: { width: 337, height: 224 }, box: { x: 56, y: 0, width: 224, height: 224 }, mirrored: false });
    expect(centreCrop(224, 224).source).toEqual({ x: 0, y: 0, width: 224, height: 224 });
  });

  it('takes four corners and the centre at 256, and their mirrors, for ten', () => {
    const crops = tenCrops(640, 480);
    expect(crops).toHaveLength(10);
    expect(crops.filter((c) => c.mirrored)).toHaveLength(5);
    expect(crops.every((c) => c.scale === 256 && c.box.width === CROP_SIZE && c.box.height === CROP_SIZE)).toBe(true);
    expect(new Set(crops.map((c) => `${c.box.x},${c.box.y}`))).toEqual(new Set(['0,0', '117,0', '0,32', '117,32', '58,16']));
  });
});
