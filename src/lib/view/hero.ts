/**
 * The home page's hero as data: the default sample photo's top 5 and, for each node of the
 * diagram (modules closed, no training-only heads), thumbnails of its most active channels, laid
 * out in one sprite sheet (a row per node, a cell per thumbnail). Written at build time by the
 * Node engine (src/lib/node/hero.ts), read by the page at prerender. DOM-free.
 */
import { networkCost } from '../core/cost';
import { nodeTaps, nodeThumbnails, THUMB_SIDE, type NodeThumbnails, type TapValues } from './activations';
import { diagramModel, type DiagramModel } from './diagram/model';
import type { Locale } from '../i18n/locale';

/** Thumbnails per node. */
export const HERO_THUMBS = 4;
export const HERO_SPRITE = 'hero.png';
export const HERO_JSON = 'hero.json';
/** Where the build writes them, under static/ (so under the site's root when served). */
export const HERO_FOLDER = 'generated/hero';

export interface HeroThumb {
  readonly channel: number;
  /** Cell in the sprite sheet, px. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface HeroNode {
  readonly tap: string;
  /** [h, w, c] of the tap. */
  readonly shape: readonly [number, number, number];
  /** The activation drawn at the top of the colour scale in this node's thumbnails. */
  readonly scale: number;
  readonly thumbs: readonly HeroThumb[];
}

export interface HeroPrediction {
  readonly index: number;
  readonly label: string;
  readonly p: number;
}

export interface HeroData {
  /** Hash of the weights, photo and code it was made from (the build's cache key). */
  readonly key: string;
  /** The photo, a file in static/samples/. */
  readonly sample: string;
  /** How it was computed, e.g. `wasm, float32, 1 crop`. */
  readonly engine: string;
  readonly top5: readonly HeroPrediction[];
  readonly sprite: { readonly file: string; readonly width: number; readonly height: number };
  /** By diagram node id. */
  readonly nodes: Readonly<Record<string, HeroNode>>;
}

/** The diagram the hero draws: every module closed, the auxiliary heads left out (training only). */
export function heroModel(locale: Locale = 'en'): DiagramModel {
  const model = diagramModel(networkCost(), new Set(), locale);
  const aux = new Set(model.aux.map((a) => a.id));
  return { ...model, aux: [], auxLayers: new Map(), nodes: model.nodes.filter((n) => !aux.has(n.id)), edges: model.edges.filter((e) => !aux.has(e.to)) };
}

/** The taps the hero needs, by node id (the input has none: it is the photo). */
export function heroTaps(model: DiagramModel = heroModel()): Map<string, string> {
  const taps = new Map<string, string>();
  for (const [id, tap] of nodeTaps(model, networkCost().plan)) if (tap) taps.set(id, tap);
  return taps;
}

export interface PackedHero {
  readonly nodes: Record<string, HeroNode>;
  /** The sprite sheet's levels (0..255), width x height, row-major. */
  readonly levels: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** One entry of a sheet: a node (or any key), its tap and that tap's thumbnails. */
export interface SheetEntry {
  readonly id: string;
  readonly tap: string;
  readonly shape: readonly [number, number, number];
  readonly thumbnails: NodeThumbnails;
}

/** Thumbnails already made, packed into one sheet: entry i in row i, thumbnail j in column j. */
export function packSheet(entries: readonly SheetEntry[], k = HERO_THUMBS): PackedHero {
  const width = k * THUMB_SIDE;
  const height = entries.length * THUMB_SIDE;
  const levels = new Uint8Array(width * height);
  const nodes: Record<string, HeroNode> = {};
  entries.forEach(({ id, tap, shape, thumbnails }, row) => {
    nodes[id] = {
      tap,
      shape: [shape[0], shape[1], shape[2]],
      scale: thumbnails.scale,
      thumbs: thumbnails.thumbs.slice(0, k).map((t, column) => {
        const x = column * THUMB_SIDE;
        const y = row * THUMB_SIDE;
        for (let r = 0; r < t.height; r++) levels.set(t.levels.subarray(r * t.width, (r + 1) * t.width), (y + r) * width + x);
        return { channel: t.channel, x, y, w: t.width, h: t.height };
      })
    };
  });
  return { nodes, levels, width, height };
}

/** Thumbnails of every node's tap, packed into one sheet: node i in row i, thumbnail j in column j. */
export function packThumbnails(nodeTapNames: ReadonlyMap<string, string>, taps: Readonly<Record<string, TapValues>>, k = HERO_THUMBS): PackedHero {
  const entries = [...nodeTapNames].map(([id, name]): SheetEntry => {
    const tap = taps[name];
    if (!tap) throw new Error(`no values for tap ${name} (node ${id})`);
    return { id, tap: name, shape: [tap.height, tap.width, tap.channels], thumbnails: nodeThumbnails(tap, k) };
  });
  return packSheet(entries, k);
}

/**
 * The CSS that shows one cell of a sprite sheet (`url`, `sheet` px wide and high) filling its
 * box: a background sized and placed in percentages, so the box may have any size.
 */
export function spriteCellStyle(url: string, sheet: { readonly width: number; readonly height: number }, t: HeroThumb): string {
  const { width: W, height: H } = sheet;
  const px = W > t.w ? (t.x / (W - t.w)) * 100 : 0;
  const py = H > t.h ? (t.y / (H - t.h)) * 100 : 0;
  return `background-image: url(${url}); background-size: ${(W / t.w) * 100}% ${(H / t.h) * 100}%; background-position: ${px}% ${py}%`;
}
