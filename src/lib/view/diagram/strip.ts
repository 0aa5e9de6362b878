/**
 * A compact, read-only placement of the diagram's main column (modules closed) for small
 * figures such as the home page's hero: the nodes in reading order, row after row, each row
 * running the other way from the one above (so every ribbon is short: sideways within a row,
 * straight down at a row's end), ribbons as wide as the channels they carry on one scale, drawn
 * with the diagram's own ribbon paths. DOM-free.
 */
import { horizontalRibbon, verticalRibbon, type Box, type PlacedEdge } from './layout';
import type { DiagramModel, DiagramNode } from './model';

export interface StripOptions {
  readonly width: number;
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Between nodes in a row (room for a ribbon). */
  readonly gap: number;
  /** Between rows. */
  readonly rowGap: number;
}

export interface StripNode extends Box {
  readonly node: DiagramNode;
}

export interface StripLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly nodes: readonly StripNode[];
  readonly edges: readonly PlacedEdge[];
}

/** The main column's nodes: every entry of a model whose modules are closed (an open one counts as its header). */
const mainNodes = (model: DiagramModel): DiagramNode[] => model.items.map((i) => (i.type === 'node' ? i.node : i.header));

export function stripLayout(model: DiagramModel, o: StripOptions): StripLayout {
  const nodes = mainNodes(model);
  const columns = Math.max(2, Math.floor((o.width + o.gap) / (o.nodeWidth + o.gap)));
  const used = Math.min(columns, nodes.length) * (o.nodeWidth + o.gap) - o.gap;
  const left = Math.max(0, Math.floor((o.width - used) / 2));
  const placed = nodes.map((node, i): StripNode => {
    const row = Math.floor(i / columns);
    const inRow = i % columns;
    const column = row % 2 === 0 ? inRow : columns - 1 - inRow;
    return { node, x: left + column * (o.nodeWidth + o.gap), y: row * (o.nodeHeight + o.rowGap), w: o.nodeWidth, h: o.nodeHeight };
  });
  const widest = Math.max(1, ...nodes.map((n) => n.output[2]));
  const band = (channels: number, room: number) => Math.max(1.5, (channels / widest) * room);
  const byId = new Map(placed.map((p) => [p.node.id, p]));
  const edges = model.edges
    .filter((e) => e.kind === 'main' && byId.has(e.from) && byId.has(e.to))
    .map((edge): PlacedEdge => {
      const a = byId.get(edge.from)!;
      const b = byId.get(edge.to)!;
      if (a.y === b.y) {
        const w = band(edge.channels, 0.6 * o.nodeHeight);
        const y = a.y + a.h / 2;
        const path = b.x > a.x ? horizontalRibbon(a.x + a.w, y, b.x, y, w) : horizontalRibbon(a.x, y, b.x + b.w, y, w);
        return { edge, width: w, path };
      }
      const w = band(edge.channels, 0.6 * o.nodeWidth);
      const x = a.x + a.w / 2;
      return { edge, width: w, path: verticalRibbon(x, a.y + a.h, b.x + b.w / 2, b.y, w) };
    });
  const rows = Math.ceil(nodes.length / columns);
  return { width: o.width, height: rows * o.nodeHeight + (rows - 1) * o.rowGap, columns, nodes: placed, edges };
}
