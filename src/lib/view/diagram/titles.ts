/**
 * What every picture of the network calls each layer: `conv1 7×7/2`, `max pool 3×3/2`,
 * `3×3 reduce`, `1×1 proj`, and inside an auxiliary head `1×1 conv 128`, `fc 1024`. The diagram
 * titles its nodes with these, and the live page its feature maps (`tapTitles`). DOM-free.
 */
import type { LayerCost } from '../../core/cost';
import type { BranchName } from '../../core/inception';
import type { InceptionModule, Layer } from '../../core/network';
import { isModule, type Plan } from '../../core/plan';
import type { NodeKind } from './model';

const x = '×';
const kxk = (k: number) => `${k}${x}${k}`;

/** How a plain layer is titled in the main column. */
export function layerTitle(l: Layer): string {
  const stem = l.name.split('/')[0];
  switch (l.op) {
    case 'conv':
      if (l.name.endsWith('_reduce')) return `${stem} ${kxk(l.kernel)} reduce`;
      return `${stem} ${kxk(l.kernel)}/${l.stride}`;
    case 'maxpool':
      return `max pool ${kxk(l.kernel)}/${l.stride}`;
    case 'avgpool':
      return `avg pool ${kxk(l.kernel)}/${l.stride}`;
    case 'dropout':
      return `dropout ${Math.round(l.rate * 100)}%`;
    case 'fc':
      return `linear ${l.outputs}`;
    case 'softmax':
      return 'softmax';
    case 'lrn':
      return 'LRN';
  }
}

export const kindOf = (op: Layer['op']): NodeKind =>
  op === 'maxpool' || op === 'avgpool' ? 'pool' : op === 'lrn' ? 'pool' : (op as NodeKind);

/** `inception (4c)` */
export const moduleTitle = (m: Pick<InceptionModule, 'id'>): string => `inception (${m.id})`;

/** `loss1 head` */
export const auxHeadTitle = (name: string): string => `${name} head`;

/** `3×3 branch`, `pool branch` */
export const branchTitle = (b: BranchName): string => (b === 'pool' ? 'pool branch' : `${b.replace('x', x)} branch`);

/** Title of a layer inside a branch: `1×1 reduce`, `3×3 conv`, `3×3 pool`, `1×1 proj`. */
export function branchLayerTitle(l: Pick<LayerCost, 'op' | 'name'>, kernel: number): string {
  if (l.op === 'maxpool') return `${kxk(kernel)} pool`;
  if (l.name.endsWith('_reduce')) return `${kxk(kernel)} reduce`;
  if (l.name.endsWith('pool_proj')) return `${kxk(kernel)} proj`;
  return `${kxk(kernel)} conv`;
}


/** Title of a layer inside an open auxiliary head: `avg pool 5×5/3`, `1×1 conv 128`, `fc 1024`, `dropout 70%`. */
export function auxLayerTitle(l: Layer): string {
  switch (l.op) {
    case 'conv':
      return `${kxk(l.kernel)} conv ${l.filters}`;
    case 'fc':
      return `fc ${l.outputs}`;
    default:
      return layerTitle(l);
  }
}

/** A feature map the live page shows, by the names above. */
export interface TapTitle {
  /** The Caffe name, which is also the weight blob's: `inception_4c/3x3`. */
  readonly caffe: string;
  /** Which part of the network it is in: `inception (4c)`, `loss1 head`, or the layer's own first part (`pool5`). */
  readonly group: string;
  /** Within its group: `3×3 branch: 3×3 conv`, `output`, `dropout 40%`. */
  readonly short: string;
  /** On its own: `inception (4c), 3×3 branch: 3×3 conv`, `dropout 40%`. */
  readonly title: string;
}

/** The titles of every layer and branch output of a plan, by Caffe name, in execution order. */
export function tapTitles(p: Plan): Map<string, TapTitle> {
  const out = new Map<string, TapTitle>();
  const add = (caffe: string, group: string, short: string, title: string) => out.set(caffe, { caffe, group, short, title });
  for (const row of p.rows) {
    const block = row.block;
    if (!isModule(block)) {
      for (const l of block) add(l.layer.name, l.layer.name.split('/')[0] as string, layerTitle(l.layer), layerTitle(l.layer));
      continue;
    }
    const group = moduleTitle(block.module);
    for (const b of block.branches)
      for (const l of b.layers) {
        const short = `${branchTitle(b.name)}: ${branchLayerTitle(l.layer, 'kernel' in l.layer ? l.layer.kernel : 1)}`;
        add(l.layer.name, group, short, `${group}, ${short}`);
      }
    add(block.tap, group, 'output (the four branches concatenated)', `${group} output`);
  }
  for (const a of p.aux)
    for (const l of a.layers) {
      const group = auxHeadTitle(a.head.name);
      add(l.layer.name, group, auxLayerTitle(l.layer), `${group}: ${auxLayerTitle(l.layer)}`);
    }
  return out;
}
