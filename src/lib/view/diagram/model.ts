/**
 * The network diagram as nodes and edges, read off the cost model (never typed in): the stem,
 * the nine Inception modules (each closed, or open into its four branches and the concatenation),
 * the pools, the head and the two training-only auxiliary heads (each closed, or open into its
 * six layers). DOM-free; the layout places it.
 */
import type { BranchCost, Cost, LayerCost, ModuleCost, NetworkCost, RowCost } from '../../core/cost';
import type { BranchName, ModuleVariant } from '../../core/inception';
import type { Layer } from '../../core/network';
import type { ReceptiveField, Shape } from '../../core/plan';
import type { Locale } from '../../i18n/locale';
import { translate } from '../../i18n/translate';
import { auxHeadTitle, auxLayerTitle, branchLayerTitle, kindOf, layerTitle, moduleTitle } from './titles';

export type NodeKind = 'input' | 'conv' | 'pool' | 'dropout' | 'fc' | 'softmax' | 'module' | 'concat' | 'aux';

export interface DiagramNode {
  /** Selection key: a layer name (`loss1/fc` too), a module name, `inception_4c/output`, an aux head, or `data`. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly title: string;
  /** A small tag after the title, e.g. `+ LRN`. */
  readonly tag?: string;
  readonly input: Shape;
  readonly output: Shape;
  readonly cost: Cost;
  readonly rf: ReceptiveField;
  /** The layers this node stands for, with their arithmetic. */
  readonly layers: readonly LayerCost[];
  /** Zero-cost nodes are drawn small. */
  readonly compact: boolean;
  /** Table 1 row (aux heads: the row of the module they hang off). */
  readonly row: number;
  /** For a module, and for the nodes inside an open one. */
  readonly module?: string;
  readonly variant?: ModuleVariant;
  /** Inside an open module: which branch, which column (0..3), which step down the branch. */
  readonly branch?: BranchName;
  readonly column?: number;
  readonly step?: number;
  /** Inside an open auxiliary head: which head (`loss1`); `step` is its place down the head. */
  readonly head?: string;
  readonly trainingOnly?: boolean;
}

export type EdgeKind = 'main' | 'fan' | 'inner' | 'merge' | 'aux' | 'auxInner';

export interface DiagramEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly channels: number;
  readonly kind: EdgeKind;
  /** Show the channel count on it (edges inside an open module or auxiliary head). */
  readonly labelled: boolean;
  readonly branch?: BranchName;
}

/** One entry of the main column: a plain node, or a module opened into its branches. */
export type DiagramItem =
  | { readonly type: 'node'; readonly node: DiagramNode }
  | {
      readonly type: 'open';
      readonly header: DiagramNode;
      /** Branch by branch (1x1, 3x3, 5x5, pool), each top to bottom. */
      readonly branches: readonly (readonly DiagramNode[])[];
      readonly concat: DiagramNode;
    };

export interface DiagramModel {
  readonly items: readonly DiagramItem[];
  /** Training-only heads, each beside the output of the module it follows. */
  readonly aux: readonly DiagramNode[];
  /** The layers of each auxiliary head drawn open, top to bottom, by head (`loss1`). */
  readonly auxLayers: ReadonlyMap<string, readonly DiagramNode[]>;
  readonly edges: readonly DiagramEdge[];
  /** Every node, in reading (and tab) order. */
  readonly nodes: readonly DiagramNode[];
}

const sum = (layers: readonly LayerCost[]): Cost => ({
  params: layers.reduce((s, l) => s + l.params, 0),
  macs: layers.reduce((s, l) => s + l.macs, 0),
  activationBytes: layers.reduce((s, l) => s + l.activationBytes, 0)
});

/** Plain rows become one node per layer; an LRN joins the layer before it as a tag. */
function plainNodes(r: RowCost, layers: readonly Layer[], locale: Locale): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  r.layers.forEach((lc, i) => {
    const layer = layers[i];
    if (lc.op === 'lrn' && nodes.length) {
      const prev = nodes.pop()!;
      const merged = [...prev.layers, lc];
      nodes.push({ ...prev, tag: '+ LRN', layers: merged, output: lc.output, cost: sum(merged), rf: lc.rf });
      return;
    }
    const cost = sum([lc]);
    nodes.push({
      id: lc.name,
      kind: kindOf(lc.op),
      title: layerTitle(layer, locale),
      input: lc.input,
      output: lc.output,
      cost,
      rf: lc.rf,
      layers: [lc],
      compact: lc.params === 0 && lc.macs === 0,
      row: r.row
    });
  });
  return nodes;
}

function moduleNode(r: RowCost, m: ModuleCost, locale: Locale): DiagramNode {
  return {
    id: m.module.name,
    kind: 'module',
    title: moduleTitle(m.module, locale),
    input: m.input,
    output: m.output,
    cost: { params: m.params, macs: m.macs, activationBytes: m.activationBytes },
    rf: m.rf,
    layers: r.layers,
    compact: false,
    row: r.row,
    module: m.module.name,
    variant: m.variant
  };
}

function branchNodes(r: RowCost, m: ModuleCost, b: BranchCost, column: number, kernels: readonly number[], locale: Locale): DiagramNode[] {
  return b.layers.map((l, step) => ({
    id: l.name,
    kind: l.op === 'maxpool' ? 'pool' : 'conv',
    title: branchLayerTitle(l, kernels[step], locale),
    input: l.input,
    output: l.output,
    cost: sum([l]),
    rf: l.rf,
    layers: [l],
    compact: false,
    row: r.row,
    module: m.module.name,
    variant: m.variant,
    branch: b.name,
    column,
    step
  }));
}

/** An open auxiliary head's layers, one node each, below the head in its own column. */
function auxLayerNodes(head: DiagramNode, costs: readonly LayerCost[], layers: readonly Layer[], locale: Locale): DiagramNode[] {
  return costs.map((lc, step) => ({
    id: lc.name,
    kind: kindOf(lc.op),
    title: auxLayerTitle(layers[step], locale),
    input: lc.input,
    output: lc.output,
    cost: sum([lc]),
    rf: lc.rf,
    layers: [lc],
    compact: false,
    row: head.row,
    head: head.id,
    step,
    trainingOnly: true
  }));
}

/**
 * @param cost the network under the reader's settings
 * @param open names of the modules (`inception_4c`) and auxiliary heads (`loss1`) drawn open
 */
export function diagramModel(cost: NetworkCost, open: ReadonlySet<string>, locale: Locale = 'en'): DiagramModel {
  const items: DiagramItem[] = [];
  const edges: DiagramEdge[] = [];
  const input = cost.plan.network.input;
  items.push({
    type: 'node',
    node: {
      id: 'data',
      kind: 'input',
      title: translate(locale, 'diagram.t.input'),
      input,
      output: input,
      cost: { params: 0, macs: 0, activationBytes: 0 },
      rf: { size: 1, jump: 1 },
      layers: [],
      compact: true,
      row: 0
    }
  });
  /** Output node of each module, for the aux heads to hang off. */
  const outputs = new Map<string, DiagramNode>();
  cost.rows.forEach((r, i) => {
    const planned = cost.plan.rows[i];
    const m = r.module;
    if (!m) {
      const layers = Array.isArray(planned.block) ? (planned.block as readonly { layer: Layer }[]).map((p) => p.layer) : [];
      for (const node of plainNodes(r, layers, locale)) items.push({ type: 'node', node });
      return;
    }
    const header = moduleNode(r, m, locale);
    if (!open.has(m.module.name)) {
      items.push({ type: 'node', node: header });
      outputs.set(m.module.name, header);
      return;
    }
    const block = planned.block as { branches: readonly { layers: readonly { layer: Layer }[] }[] };
    const branches = m.branches.map((b, column) =>
      branchNodes(r, m, b, column, block.branches[column].layers.map((p) => ('kernel' in p.layer ? p.layer.kernel : 1)), locale)
    );
    const concat: DiagramNode = {
      ...header,
      id: m.tap,
      kind: 'concat',
      title: translate(locale, 'diagram.t.concat'),
      input: m.output,
      cost: { params: 0, macs: 0, activationBytes: m.activationBytes - sum(r.layers).activationBytes },
      layers: [],
      compact: true
    };
    items.push({ type: 'open', header, branches, concat });
    outputs.set(m.module.name, concat);
    branches.forEach((nodes, column) => {
      const b = m.branches[column];
      edges.push({ id: `${m.module.name}/fan/${b.name}`, from: header.id, to: nodes[0].id, channels: m.input[2], kind: 'fan', labelled: column === 0, branch: b.name });
      nodes.slice(1).forEach((n, step) =>
        edges.push({ id: `${n.id}/in`, from: nodes[step].id, to: n.id, channels: nodes[step].output[2], kind: 'inner', labelled: true, branch: b.name })
      );
      const last = nodes[nodes.length - 1];
      edges.push({ id: `${m.module.name}/merge/${b.name}`, from: last.id, to: concat.id, channels: last.output[2], kind: 'merge', labelled: true, branch: b.name });
    });
  });
  // The main column: each entry's output into the next entry.
  for (let i = 1; i < items.length; i += 1) {
    const prev = items[i - 1];
    const next = items[i];
    const from = prev.type === 'node' ? prev.node : prev.concat;
    const to = next.type === 'node' ? next.node : next.header;
    edges.push({ id: `main/${to.id}`, from: from.id, to: to.id, channels: from.output[2], kind: 'main', labelled: false });
  }
  const auxLayers = new Map<string, readonly DiagramNode[]>();
  const aux = cost.aux.map((a, i): DiagramNode => {
    const from = outputs.get(a.after)!;
    const last = a.layers[a.layers.length - 1];
    edges.push({ id: `aux/${a.name}`, from: from.id, to: a.name, channels: from.output[2], kind: 'aux', labelled: false });
    const head: DiagramNode = {
      id: a.name,
      kind: 'aux',
      title: auxHeadTitle(a.name, locale),
      input: a.layers[0].input,
      output: last.output,
      cost: { params: a.params, macs: a.macs, activationBytes: a.activationBytes },
      rf: last.rf,
      layers: a.layers,
      compact: false,
      row: from.row,
      trainingOnly: true
    };
    if (!open.has(a.name)) return head;
    const inside = auxLayerNodes(head, a.layers, cost.plan.aux[i].layers.map((p) => p.layer), locale);
    auxLayers.set(a.name, inside);
    inside.forEach((n, step) => {
      const before = step === 0 ? head : inside[step - 1];
      // What flows out of the node above: the head's input (the module's output) into the first layer.
      const channels = step === 0 ? head.input[2] : before.output[2];
      edges.push({ id: `${n.id}/in`, from: before.id, to: n.id, channels, kind: 'auxInner', labelled: true });
    });
    return head;
  });
  const nodes: DiagramNode[] = [];
  for (const item of items) {
    if (item.type === 'node') nodes.push(item.node);
    else {
      nodes.push(item.header);
      // Reading order inside a module: step by step across the branches.
      const depth = Math.max(...item.branches.map((b) => b.length));
      for (let step = 0; step < depth; step += 1) for (const b of item.branches) if (b[step]) nodes.push(b[step]);
      nodes.push(item.concat);
    }
    const last = item.type === 'node' ? item.node : item.concat;
    for (const a of aux)
      if (outputs.get(cost.aux.find((h) => h.name === a.id)!.after) === last) nodes.push(a, ...(auxLayers.get(a.id) ?? []));
  }
  return { items, aux, auxLayers, edges, nodes };
}

/** The node a selection names: itself, or the node a merged layer (an LRN) belongs to. */
export function nodeFor(model: DiagramModel, name: string | undefined): DiagramNode | undefined {
  if (!name) return undefined;
  return model.nodes.find((n) => n.id === name) ?? model.nodes.find((n) => n.kind !== 'module' && n.layers.some((l) => l.name === name));
}
