import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { inceptionModules } from '../../../src/lib/core/network';
import { tapShapes } from '../../../src/lib/engine/googlenet';
import { diagramNodeTaps, diagramTapNames, thumbnailSheet, untrainedMessage } from '../../../src/lib/view/activationLayer';
import { nodeThumbnails, type TapValues } from '../../../src/lib/view/activations';
import { viewFromQuery, viewToQuery } from '../../../src/lib/view/architectureState';
import { HEIGHT, layoutDiagram, NARROW, THUMB_ROW } from '../../../src/lib/view/diagram/layout';
import { diagramModel } from '../../../src/lib/view/diagram/model';
import { HERO_THUMBS, packSheet, packThumbnails, spriteCellStyle } from '../../../src/lib/view/hero';
import { DEFAULT_SETTINGS } from '../../../src/lib/view/settings';

function tap(height: number, width: number, channels: number, f: (y: number, x: number, c: number) => number): TapValues {
  const data = new Float32Array(height * width * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = f(y, x, c);
  return { height, width, channels, data };
}

describe('the taps of the whole diagram', () => {
  it('gives every node but the photo a tap the engine offers, however the diagram is opened', () => {
    const cost = networkCost();
    const taps = diagramNodeTaps();
    const offered = tapShapes(cost.plan);
    for (const name of taps.values()) expect(offered.has(name), name).toBe(true);
    const modules = inceptionModules().map((m) => m.name);
    for (const open of [new Set<string>(), new Set(modules), new Set([...modules, 'loss1', 'loss2'])])
      for (const n of diagramModel(cost, open).nodes) if (n.kind !== 'input') expect(taps.has(n.id), n.id).toBe(true);
    // 3a's four branches and its output are there, each by its own tap.
    expect(taps.get('inception_3a')).toBe('inception_3a/output');
    expect(taps.get('inception_3a/1x1')).toBe('inception_3a/1x1');
    expect(taps.get('inception_3a/pool_proj')).toBe('inception_3a/pool_proj');
    expect(diagramTapNames()).toEqual([...new Set(taps.values())]);
  });
});

describe('a state without trained weights', () => {
  it('says so plainly for naive modules and what-if filter counts, and nothing for the trained network', () => {
    expect(untrainedMessage(DEFAULT_SETTINGS)).toBeNull();
    expect(untrainedMessage({ naive: ['inception_3a'], overrides: {} })).toBe(
      'No trained weights for the naive 3a: activations are shown only for the trained network. Reset the modules to see them.'
    );
    expect(untrainedMessage({ naive: 'all', overrides: {} })).toMatch(/^No trained weights for the naive network \(every module naive\):/);
    expect(untrainedMessage({ naive: [], overrides: { 'inception_4c/3x3': 300 } })).toMatch(/^No trained weights for the what-if filter count \(4c\/3x3: 300\):/);
  });
});

describe('thumbnail sheet', () => {
  const maps = new Map<string, TapValues>([
    ['a', tap(56, 56, 6, (y, x, c) => c * (y + x))],
    ['b', tap(7, 7, 3, (y, x, c) => (c === 1 ? 1 : 0))],
    ['c', tap(1, 1, 10, (_y, _x, c) => c)]
  ]);

  it('packs the same thumbnails as the hero does, one row per map', async () => {
    const sheet = await thumbnailSheet(maps, async () => {}, () => false);
    const hero = packThumbnails(new Map([...maps.keys()].map((k) => [k, k])), Object.fromEntries(maps));
    expect(sheet).toEqual(hero);
    expect(sheet!.nodes.b!.thumbs[0]!.channel).toBe(1);
    expect(sheet!.nodes.a!.thumbs).toHaveLength(HERO_THUMBS);
  });

  it('pauses between slices and stops when cancelled', async () => {
    let clock = 0;
    let pauses = 0;
    let cancel = false;
    const now = () => (clock += 10);
    const done = await thumbnailSheet(maps, async () => void pauses++, () => false, { sliceMs: 15, now });
    expect(done).not.toBeNull();
    expect(pauses).toBeGreaterThan(0);
    const stopped = await thumbnailSheet(maps, async () => void (cancel = true), () => cancel, { sliceMs: 15, now });
    expect(stopped).toBeNull();
  });

  it('places a cell by percentages for any box size', () => {
    // Two 28x28 cells side by side: the second is the right end of the sheet.
    const packed = packSheet([{ id: 'x', tap: 'x', shape: [56, 56, 6], thumbnails: nodeThumbnails(maps.get('a')!, 2) }], 2);
    const t = packed.nodes.x!.thumbs[1]!;
    expect(spriteCellStyle('blob:u', packed, t)).toBe('background-image: url(blob:u); background-size: 200% 100%; background-position: 100% 0%');
  });
});

describe('the address of the activations', () => {
  it('keeps the switch and a sample photo, and leaves the defaults out', () => {
    const { view, image, errors } = viewFromQuery(new URLSearchParams('layer=inception_3a/3x3&activations=off&image=coffee'));
    expect(errors).toEqual([]);
    expect(view.activations).toBe(false);
    expect(image).toBe('coffee');
    expect(decodeURIComponent(viewToQuery(view, image).toString())).toBe('layer=inception_3a/3x3&activations=off&image=coffee');
    const plain = viewFromQuery(new URLSearchParams('')).view;
    expect(viewToQuery(plain, 'chelsea').toString()).toBe('');
    expect(viewToQuery(plain, null).toString()).toBe('');
    expect(viewFromQuery(new URLSearchParams('activations=maybe&image=dog')).errors).toEqual([
      'activations=maybe: expected on or off',
      'image=dog: expected one of the samples (chelsea, coffee, astronaut, rocket)'
    ]);
  });
});

describe('room for the thumbnails in the diagram', () => {
  const model = diagramModel(networkCost(), new Set(['inception_3a']));
  const h = (width: number, thumbs: boolean, id: string) => layoutDiagram(model, { width, thumbs }).nodes.find((n) => n.node.id === id)!.h;

  it('adds a row to the stacked nodes; wide, main and compact nodes keep their height (the thumbnails go beside the text)', () => {
    expect(h(600, true, 'inception_3a/3x3')).toBe(HEIGHT.branch + THUMB_ROW);
    expect(h(600, true, 'inception_3a')).toBe(HEIGHT.main);
    expect(h(600, true, 'inception_3a/output')).toBe(HEIGHT.compact);
    expect(h(600, false, 'inception_3a/3x3')).toBe(HEIGHT.branch);
  });

  it('adds a row to every node on a narrow spine', () => {
    expect(h(NARROW, true, 'inception_3a')).toBe(HEIGHT.main + THUMB_ROW);
    expect(h(NARROW, true, 'inception_3a/output')).toBe(HEIGHT.compact + THUMB_ROW);
    expect(h(NARROW, false, 'inception_3a')).toBe(HEIGHT.main);
  });
});
