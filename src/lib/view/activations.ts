/**
 * Activation thumbnails for the network diagram, DOM-free (the home page's hero is built from
 * them at build time; /architecture/ can make them in the page from the live engine's taps):
 * which tap feeds each node's picture, the k most active channels of a tap, and small 8-bit
 * thumbnails of them on one scale per node, so the thumbnails of a node can be compared.
 */
import type { Plan } from '../core/plan';
import { isModule } from '../core/plan';
import type { DiagramModel } from './diagram/model';
import { COLOUR_MAP } from './live/featureMaps';

/** A tap's values, [h, w, c] row-major: the live engine's TapData has this shape. */
export interface TapValues {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float32Array;
}

export interface Thumbnail {
  readonly channel: number;
  /** The channel's mean activation over the whole map (what ranks it). */
  readonly mean: number;
  readonly width: number;
  readonly height: number;
  /** width x height levels, row-major: 0 is 0 (or below), 255 is the node's scale. */
  readonly levels: Uint8Array;
}

export interface NodeThumbnails {
  /** The value drawn as 255 in every thumbnail of the node (the largest thumbnail pixel). */
  readonly scale: number;
  /** Most active first. */
  readonly thumbs: readonly Thumbnail[];
}

/** The largest side of a thumbnail; a smaller map keeps its size. */
export const THUMB_SIDE = 28;

/** Mean activation of every channel over the map. */
export function channelMeans(tap: TapValues): Float64Array {
  const { channels: c, data } = tap;
  const sum = new Float64Array(c);
  for (let i = 0; i < data.length; i++) sum[i % c] += data[i] as number;
  const pixels = Math.max(1, tap.height * tap.width);
  return sum.map((s) => s / pixels);
}

/**
 * The `k` most active channels, by mean activation over the map (not the peak: a channel that
 * fires over a whole region ranks above one bright pixel), most active first; ties keep the
 * lower channel first.
 */
export function topChannels(tap: TapValues, k: number): number[] {
  const means = channelMeans(tap);
  const order = Array.from(means.keys()).sort((a, b) => (means[b] as number) - (means[a] as number) || a - b);
  return order.slice(0, Math.max(0, k));
}

/** One channel averaged down to at most `side` x `side` (box filter; a smaller map is kept). */
export function shrinkChannel(tap: TapValues, channel: number, side = THUMB_SIDE): { width: number; height: number; values: Float32Array } {
  const { height: h, width: w, channels: c, data } = tap;
  const th = Math.min(side, h);
  const tw = Math.min(side, w);
  const values = new Float32Array(th * tw);
  for (let oy = 0; oy < th; oy++) {
    const y0 = Math.floor((oy * h) / th);
    const y1 = Math.max(y0 + 1, Math.floor(((oy + 1) * h) / th));
    for (let ox = 0; ox < tw; ox++) {
      const x0 = Math.floor((ox * w) / tw);
      const x1 = Math.max(x0 + 1, Math.floor(((ox + 1) * w) / tw));
      let s = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += data[(y * w + x) * c + channel] as number;
      values[oy * tw + ox] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width: tw, height: th, values };
}

/** Thumbnails of the `k` most active channels of a tap, on one scale: the largest thumbnail pixel. */
export function nodeThumbnails(tap: TapValues, k: number, side = THUMB_SIDE): NodeThumbnails {
  const means = channelMeans(tap);
  const shrunk = topChannels(tap, k).map((channel) => ({ channel, ...shrinkChannel(tap, channel, side) }));
  const scale = Math.max(0, ...shrunk.flatMap((s) => Array.from(s.values)));
  const thumbs = shrunk.map(({ channel, width, height, values }) => ({
    channel,
    mean: means[channel] as number,
    width,
    height,
    levels: Uint8Array.from(values, (v) => (scale > 0 ? Math.max(0, Math.min(255, Math.round((v / scale) * 255))) : 0))
  }));
  return { scale, thumbs };
}

/** RGBA pixels of thumbnail levels in the live page's colour map (for a canvas or a PNG). */
export function levelsToRgba(levels: Uint8Array, out = new Uint8ClampedArray(levels.length * 4)): Uint8ClampedArray {
  for (let i = 0; i < levels.length; i++) {
    const at = (levels[i] as number) * 4;
    const o = i * 4;
    out[o] = COLOUR_MAP[at] as number;
    out[o + 1] = COLOUR_MAP[at + 1] as number;
    out[o + 2] = COLOUR_MAP[at + 2] as number;
    out[o + 3] = COLOUR_MAP[at + 3] as number;
  }
  return out;
}

/**
 * The tap that feeds each node's picture, by the model's node ids: a layer (or a branch step) its
 * own output (a layer merged with an LRN, the LRN's), a closed module its output (the concat),
 * an auxiliary head its first layer's (the last map it has), the input image none (null: it is
 * the photo itself). Every name is one the engine's forward pass accepts as a tap.
 */
export function nodeTaps(model: DiagramModel, plan: Plan): ReadonlyMap<string, string | null> {
  const moduleTaps = new Map<string, string>();
  for (const row of plan.rows) if (isModule(row.block)) moduleTaps.set(row.block.module.name, row.block.tap);
  const taps = new Map<string, string | null>();
  for (const node of model.nodes) {
    if (node.kind === 'input') taps.set(node.id, null);
    else if (node.kind === 'module') taps.set(node.id, moduleTaps.get(node.id) ?? null);
    else if (node.kind === 'aux') taps.set(node.id, node.layers[0]?.name ?? null);
    else taps.set(node.id, node.layers[node.layers.length - 1]?.name ?? node.id);
  }
  return taps;
}
