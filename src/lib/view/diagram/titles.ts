/**
 * What the diagram calls each layer: `conv1 7×7/2`, `max pool 3×3/2`, `3×3 reduce`, `1×1 proj`,
 * and inside an auxiliary head `1×1 conv 128`, `fc 1024`. DOM-free.
 */
import type { LayerCost } from '../../core/cost';
import type { Layer } from '../../core/network';
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

/** Title of a layer inside a branch: `1×1 reduce`, `3×3 conv`, `3×3 pool`, `1×1 proj`. */
export function branchLayerTitle(l: LayerCost, kernel: number): string {
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
