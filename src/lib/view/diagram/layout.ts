/**
 * Places the diagram for a given width, top to bottom: a main column (the spine), a narrow column
 * on the right for the auxiliary heads (an open head's layers stacked below it there, the spine
 * making room), and the full width for a module opened into its four branches. Edges are
 * ribbons whose width is proportional to the channels they carry, on one scale for the whole
 * drawing, so the naive network's compounding widths show as they are.
 * A selected node gets room for its details right below its entry. DOM-free.
 */
import type { DiagramEdge, DiagramItem, DiagramModel, DiagramNode } from './model';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type NodeSize = 'main' | 'compact' | 'branch' | 'aux' | 'auxLayer';

export interface PlacedNode extends Box {
  readonly node: DiagramNode;
  readonly size: NodeSize;
}

export interface PlacedEdge {
  readonly edge: DiagramEdge;
  /** A closed ribbon outline; every vertical ribbon has the same commands, so paths interpolate. */
  readonly path: string;
  readonly width: number;
  readonly label?: { readonly x: number; readonly y: number; readonly text: string };
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  /** In reading order. */
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** Room for the selected node's details, after the node `after` in reading order. */
  readonly detail?: Box & { readonly after: string };
  /** Ribbon width (px) per channel. */
  readonly pxPerChannel: number;
}

export interface LayoutOptions {
  readonly width: number;
  /** The selected node and the height its details need. */
  readonly detail?: { readonly node: string; readonly height: number };
  /** Room for a row of activation thumbnails in the nodes that stack their lines (branch steps, heads). */
  readonly thumbs?: boolean;
}

/** Node heights (px); a layer of an open auxiliary head has room for its title on two lines. */
export const HEIGHT: Readonly<Record<NodeSize, number>> = { main: 50, compact: 30, branch: 58, aux: 66, auxLayer: 64 };
const BASE = HEIGHT;
/** The extra height of a node with a row of thumbnails (wide enough, main and compact nodes show them beside their text). */
export const THUMB_ROW = 24;
const STACKED: readonly NodeSize[] = ['branch', 'aux', 'auxLayer'];
/** At this width (px) and below, every node, main ones too, has its thumbnails in a row (DiagramNode's container query says the same). */
export const NARROW = 480;
/**
 * Vertical gaps: between main entries, from an open module's header to its branches, between
 * branch steps, between the steps of an open auxiliary head (room for a channel count).
 */
export const GAP = { main: 22, fan: 40, step: 30, auxStep: 26 } as const;
/** The widest output of the paper's all-naive network (inception 5b); ribbons are scaled to at least this. */
export const NAIVE_MAX_CHANNELS = 4944;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const r1 = (v: number) => Math.round(v * 10) / 10;

/** A vertical ribbon from (x0, y0) down to (x1, y1), bending between ya and yb. */
export function verticalRibbon(x0: number, y0: number, x1: number, y1: number, w: number, ya = y0, yb = y1): string {
  const h = w / 2;
  const ym = (ya + yb) / 2;
  const [a, b, c, d] = [r1(x0 - h), r1(x0 + h), r1(x1 - h), r1(x1 + h)];
  return (
    `M${a},${r1(y0)}V${r1(ya)}C${a},${r1(ym)} ${c},${r1(ym)} ${c},${r1(yb)}V${r1(y1)}` +
    `H${d}V${r1(yb)}C${d},${r1(ym)} ${b},${r1(ym)} ${b},${r1(ya)}V${r1(y0)}Z`
  );
}

/** A horizontal ribbon from (x0, y0) right to (x1, y1). */
export function horizontalRibbon(x0: number, y0: number, x1: number, y1: number, w: number): string {
  const h = w / 2;
  const xm = r1((x0 + x1) / 2);
  return (
    `M${r1(x0)},${r1(y0 - h)}C${xm},${r1(y0 - h)} ${xm},${r1(y1 - h)} ${r1(x1)},${r1(y1 - h)}` +
    `V${r1(y1 + h)}C${xm},${r1(y1 + h)} ${xm},${r1(y0 + h)} ${r1(x0)},${r1(y0 + h)}Z`
  );
}

/** The entry of the main column that holds a node (aux heads, and their layers, belong to the module they follow). */
function itemIndexOf(model: DiagramModel, id: string): number {
  const head = model.nodes.find((n) => n.id === id)?.head ?? id;
  const aux = model.edges.find((e) => e.kind === 'aux' && e.to === head);
  const target = aux ? aux.from : id;
  return model.items.findIndex((item) =>
    item.type === 'node'
      ? item.node.id === target
      : item.header.id === target || item.concat.id === target || item.branches.some((b) => b.some((n) => n.id === target))
  );
}

const outputOf = (item: DiagramItem): DiagramNode => (item.type === 'node' ? item.node : item.concat);

export function layoutDiagram(model: DiagramModel, options: LayoutOptions): DiagramLayout {
  const W = Math.max(280, Math.round(options.width));
  // Wide enough on a phone for `▾ loss1 head` and `avg pool 5×5/3` at the small type.
  const auxW = clamp(Math.round(W * 0.22), 92, 150);
  const auxGap = W < 480 ? 8 : 12;
  let spineW = Math.min(360, W - 2 * (auxW + auxGap));
  let spineX: number;
  if (spineW >= 250) spineX = Math.round((W - spineW) / 2);
  else {
    spineW = Math.min(360, W - auxW - auxGap);
    spineX = 0;
  }
  const spineMid = spineX + spineW / 2;
  const auxX = W - auxW;
  const areaW = Math.min(W, 640);
  const areaX = (W - areaW) / 2;
  const colGap = W < 480 ? 6 : 10;
  const colW = (areaW - 3 * colGap) / 4;
  const colX = (c: number) => areaX + c * (colW + colGap);

  const widest = Math.max(NAIVE_MAX_CHANNELS, ...model.nodes.map((n) => n.output[2]), ...model.nodes.map((n) => n.input[2]));
  const bandMax = Math.min(0.6 * spineW, 0.9 * colW);
  const pxPerChannel = bandMax / widest;
  const band = (channels: number) => Math.max(1.5, channels * pxPerChannel);

  // On a phone's narrow spine every node puts its thumbnails in a row below its text.
  const rowed = !options.thumbs ? [] : W <= NARROW ? (Object.keys(BASE) as NodeSize[]) : STACKED;
  const HEIGHT = Object.fromEntries(
    Object.entries(BASE).map(([size, h]) => [size, h + (rowed.includes(size as NodeSize) ? THUMB_ROW : 0)])
  ) as Record<NodeSize, number>;
  const boxes = new Map<string, PlacedNode>();
  const place = (node: DiagramNode, x: number, y: number, w: number, size: NodeSize) =>
    boxes.set(node.id, { node, size, x, y, w, h: HEIGHT[size] });
  const spineSize = (n: DiagramNode): NodeSize => (n.compact ? 'compact' : 'main');

  const detailIndex = options.detail ? itemIndexOf(model, options.detail.node) : -1;
  let detail: DiagramLayout['detail'];
  let y = 8;
  model.items.forEach((item, index) => {
    let bottom: number;
    if (item.type === 'node') {
      place(item.node, spineX, y, spineW, spineSize(item.node));
      bottom = y + HEIGHT[spineSize(item.node)];
    } else {
      place(item.header, spineX, y, spineW, 'main');
      let rowY = y + HEIGHT.main + GAP.fan;
      const depth = Math.max(...item.branches.map((b) => b.length));
      for (let step = 0; step < depth; step += 1) {
        item.branches.forEach((nodes, column) => {
          if (nodes[step]) place(nodes[step], colX(column), rowY, colW, 'branch');
        });
        rowY += HEIGHT.branch + GAP.step;
      }
      place(item.concat, spineX, rowY, spineW, 'compact');
      bottom = rowY + HEIGHT.compact;
    }
    const out = boxes.get(outputOf(item).id)!;
    let after = out.node.id;
    for (const edge of model.edges) {
      if (edge.kind !== 'aux' || edge.from !== out.node.id) continue;
      const head = model.aux.find((a) => a.id === edge.to)!;
      place(head, auxX, out.y, auxW, 'aux');
      let headBottom = out.y + HEIGHT.aux;
      after = head.id;
      for (const layer of model.auxLayers.get(head.id) ?? []) {
        const layerY = headBottom + GAP.auxStep;
        place(layer, auxX, layerY, auxW, 'auxLayer');
        headBottom = layerY + HEIGHT.auxLayer;
        after = layer.id;
      }
      bottom = Math.max(bottom, headBottom);
    }
    y = bottom + GAP.main;
    if (index === detailIndex && options.detail) {
      detail = { x: 0, y: y - 6, w: W, h: Math.ceil(options.detail.height), after };
      y += Math.ceil(options.detail.height) + GAP.main - 6;
    }
  });
  const height = y - GAP.main + 8;

  const edges = model.edges.map((edge): PlacedEdge => {
    const a = boxes.get(edge.from)!;
    const b = boxes.get(edge.to)!;
    const w = band(edge.channels);
    const text = String(edge.channels);
    if (edge.kind === 'aux') {
      const wa = Math.min(w, a.h - 6, b.h - 6);
      const y0 = a.y + a.h / 2;
      return { edge, width: wa, path: horizontalRibbon(a.x + a.w, y0, b.x, y0, wa) };
    }
    const x0 = a.x + a.w / 2;
    const y0 = a.y + a.h;
    const x1 = b.x + b.w / 2;
    const y1 = b.y;
    if (edge.kind === 'merge') {
      const path = verticalRibbon(x0, y0, x1, y1, w, Math.max(y0, y1 - GAP.step), y1);
      return { edge, width: w, path, label: { x: x0, y: y0 + 10, text } };
    }
    const path = verticalRibbon(x0, y0, x1, y1, w);
    if (!edge.labelled) return { edge, width: w, path };
    return { edge, width: w, path, label: { x: x0, y: edge.kind === 'fan' ? y0 + 14 : (y0 + y1) / 2, text } };
  });

  const nodes = model.nodes.map((n) => boxes.get(n.id)!);
  return { width: W, height, nodes, edges, pxPerChannel, ...(detail ? { detail } : {}) };
}
