import { describe, expect, it } from 'vitest';
import { tapShapes } from '../../../src/lib/engine/googlenet';
import { networkCost } from '../../../src/lib/core/cost';
import { THUMB_SIDE, type TapValues } from '../../../src/lib/view/activations';
import { HERO_THUMBS, heroModel, heroTaps, packThumbnails } from '../../../src/lib/view/hero';

describe('the hero data', () => {
  it('draws the main column with modules closed and no training-only head', () => {
    const model = heroModel();
    expect(model.nodes.map((n) => n.id)).toEqual(model.items.map((i) => (i.type === 'node' ? i.node.id : i.header.id)));
    expect(model.nodes.some((n) => n.trainingOnly)).toBe(false);
    expect(model.edges.every((e) => e.kind === 'main')).toBe(true);
  });

  it('asks the engine for one tap per node but the input, each one it has', () => {
    const taps = heroTaps();
    const shapes = tapShapes(networkCost().plan);
    expect(taps.has('data')).toBe(false);
    expect(taps.size).toBe(heroModel().nodes.length - 1);
    for (const name of taps.values()) expect(shapes.has(name)).toBe(true);
  });

  it('packs each node into a row of the sprite sheet, its thumbnails in cells, most active first', () => {
    const names = new Map([
      ['a', 'tap/a'],
      ['b', 'tap/b']
    ]);
    // tap/a: 56x56, channel c is c everywhere (so 5 is most active); tap/b: 7x7, channel 0 only.
    const fill = (h: number, c: number, f: (ch: number) => number): TapValues => ({
      height: h,
      width: h,
      channels: c,
      data: Float32Array.from({ length: h * h * c }, (_, i) => f(i % c))
    });
    const packed = packThumbnails(names, { 'tap/a': fill(56, 6, (ch) => ch), 'tap/b': fill(7, 2, (ch) => (ch === 0 ? 3 : 0)) });
    expect([packed.width, packed.height]).toEqual([HERO_THUMBS * THUMB_SIDE, 2 * THUMB_SIDE]);
    expect(packed.nodes.a!.thumbs.map((t) => t.channel)).toEqual([5, 4, 3, 2]);
    expect(packed.nodes.a!.scale).toBe(5);
    expect(packed.nodes.a!.shape).toEqual([56, 56, 6]);
    expect(packed.nodes.a!.thumbs.map((t) => [t.x, t.y, t.w, t.h])).toEqual([0, 1, 2, 3].map((j) => [j * 28, 0, 28, 28]));
    // Levels in the sheet: channel 4 of a at 4/5 of the scale, all over its cell.
    expect(packed.levels[28 + 27 * packed.width + 27]).toBe(Math.round((4 / 5) * 255));
    const b = packed.nodes.b!;
    expect(b.thumbs.map((t) => [t.channel, t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 28, 7, 7],
      [1, 28, 28, 7, 7]
    ]);
    expect(packed.levels[28 * packed.width]).toBe(255);
    expect(packed.levels[28 * packed.width + 7]).toBe(0); // outside the 7x7 map
    expect(() => packThumbnails(new Map([['c', 'tap/none']]), {})).toThrow('no values for tap tap/none (node c)');
  });
});
