import { describe, expect, it } from 'vitest';
import { paperCrops, resizedSize, tenCrops } from '../../../src/lib/core/crops';
import { cropBoxes } from '../../../src/lib/engine/crops';

describe('test-time crops', () => {
  it('resizes the shorter side, keeping the aspect', () => {
    expect(resizedSize(451, 300, 224)).toEqual({ width: 337, height: 224 });
    expect(resizedSize(300, 451, 256)).toEqual({ width: 256, height: 385 });
    expect(resizedSize(224, 224, 224)).toEqual({ width: 224, height: 224 });
  });

  it('takes the centre 224 for one crop, with nothing to resize for a 224 image', () => {
    expect(cropBoxes(224, 224, 1)).toEqual([
      {
        scale: 224,
        resized: { width: 224, height: 224 },
        region: { x: 0, y: 0, width: 224, height: 224 },
        source: { x: 0, y: 0, width: 224, height: 224 },
        mirror: false,
        label: '224 centre'
      }
    ]);
    expect(cropBoxes(451, 300, 1)[0]!.region).toEqual({ x: 56, y: 0, width: 224, height: 224 });
  });

  it('takes four corners and the centre at 256, and their mirrors, for ten', () => {
    const boxes = cropBoxes(640, 480, 10);
    expect(boxes).toHaveLength(10);
    expect(boxes.filter((b) => b.mirror)).toHaveLength(5);
    expect(new Set(boxes.map((b) => `${b.region.x},${b.region.y}`))).toEqual(new Set(['0,0', '117,0', '0,32', '117,32', '58,16']));
  });

  it('takes the paper\'s 144: 4 scales x 3 squares x (5 crops + the whole square) x 2 mirrors', () => {
    for (const [w, h] of [[640, 480], [480, 640], [500, 500]] as const) {
      const boxes = cropBoxes(w, h, 144);
      expect(boxes).toHaveLength(144);
      expect(new Set(boxes.map((b) => b.label)).size).toBe(144);
      expect([...new Set(boxes.map((b) => b.scale))]).toEqual([256, 288, 320, 352]);
      for (const b of boxes) {
        // Every crop is a square inside its resized image; a whole square is resized to 224.
        expect(b.region.width).toBe(b.region.height);
        expect(b.region.width === 224 || b.region.width === b.scale).toBe(true);
        expect(b.region.x + b.region.width).toBeLessThanOrEqual(b.resized.width);
        expect(b.region.y + b.region.height).toBeLessThanOrEqual(b.resized.height);
        expect(b.source.x + b.source.width).toBeLessThanOrEqual(w + 1e-9);
        expect(b.source.y + b.source.height).toBeLessThanOrEqual(h + 1e-9);
      }
    }
    const portrait = cropBoxes(480, 640, 144);
    expect(portrait.filter((b) => b.label.startsWith('352 bottom square, whole'))[0]!.region).toEqual({ x: 0, y: 117, width: 352, height: 352 });
    // A square image's squares are named as a landscape's in the engine's labels.
    expect(cropBoxes(500, 500, 144)[0]!.label).toBe('256 left square, top-left');
  });

  // The engine cuts the crops it classifies; the notebook draws them. Both come from core/crops.
  it("cuts the core's 144 and 10 regions, in the core's order", () => {
    for (const [w, h] of [
      [451, 300],
      [300, 451],
      [512, 512],
      [640, 427]
    ]) {
      const core = paperCrops(w, h).map((c) => `${c.scale}:${c.box.x},${c.box.y},${c.box.width},${c.box.height}:${c.mirrored}`);
      const engine = cropBoxes(w, h, 144).map((c) => `${c.scale}:${c.region.x},${c.region.y},${c.region.width},${c.region.height}:${c.mirror}`);
      expect(engine).toEqual(core);
      expect(cropBoxes(w, h, 10).map((c) => [c.region, c.source, c.mirror])).toEqual(tenCrops(w, h).map((c) => [c.box, c.source, c.mirrored]));
    }
  });
});
