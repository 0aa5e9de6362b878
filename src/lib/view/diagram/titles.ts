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
import type { Locale } from '../../i18n/locale';
import { translate, type MessageKey, type Params } from '../../i18n/translate';

const x = '×';
const kxk = (k: number) => `${k}${x}${k}`;
/** A title in the edition asked for (English by default): the words translate, names and sizes stay. */
const tr = (locale: Locale, key: MessageKey, params?: Params) => translate(locale, key, params);

/** How a plain layer is titled in the main column. */
export function layerTitle(l: Layer, locale: Locale = 'en'): string {
  const stem = l.name.split('/')[0];
  switch (l.op) {
    case 'conv':
      if (l.name.endsWith('_reduce')) return tr(locale, 'diagram.t.stemReduce', { stem, k: kxk(l.kernel) });
      return `${stem} ${kxk(l.kernel)}/${l.stride}`;
    case 'maxpool':
      return tr(locale, 'diagram.t.maxpool', { k: kxk(l.kernel), s: l.stride });
    case 'avgpool':
      return tr(locale, 'diagram.t.avgpool', { k: kxk(l.kernel), s: l.stride });
    case 'dropout':
      return tr(locale, 'diagram.t.dropout', { pct: Math.round(l.rate * 100) });
    case 'fc':
      return tr(locale, 'diagram.t.linear', { n: l.outputs });
    case 'softmax':
      return tr(locale, 'diagram.t.softmax');
    case 'lrn':
      return 'LRN';
  }
}

export const kindOf = (op: Layer['op']): NodeKind =>
  op === 'maxpool' || op === 'avgpool' ? 'pool' : op === 'lrn' ? 'pool' : (op as NodeKind);

/** `inception (4c)` */
export const moduleTitle = (m: Pick<InceptionModule, 'id'>, locale: Locale = 'en'): string => tr(locale, 'diagram.t.module', { id: m.id });

/** `loss1 head` */
export const auxHeadTitle = (name: string, locale: Locale = 'en'): string => tr(locale, 'diagram.t.head', { name });

/** `3×3 branch`, `pool branch` */
export const branchTitle = (b: BranchName, locale: Locale = 'en'): string =>
  b === 'pool' ? tr(locale, 'diagram.t.poolBranch') : tr(locale, 'diagram.t.branch', { k: b.replace('x', x) });

/** Title of a layer inside a branch: `1×1 reduce`, `3×3 conv`, `3×3 pool`, `1×1 proj`. */
export function branchLayerTitle(l: Pick<LayerCost, 'op' | 'name'>, kernel: number, locale: Locale = 'en'): string {
  const k = kxk(kernel);
  if (l.op === 'maxpool') return tr(locale, 'diagram.t.pool', { k });
  if (l.name.endsWith('_reduce')) return tr(locale, 'diagram.t.reduce', { k });
  if (l.name.endsWith('pool_proj')) return tr(locale, 'diagram.t.proj', { k });
  return tr(locale, 'diagram.t.conv', { k });
}

/** Title of a layer inside an open auxiliary head: `avg pool 5×5/3`, `1×1 conv 128`, `fc 1024`, `dropout 70%`. */
export function auxLayerTitle(l: Layer, locale: Locale = 'en'): string {
  switch (l.op) {
    case 'conv':
      return tr(locale, 'diagram.t.auxConv', { k: kxk(l.kernel), n: l.filters });
    case 'fc':
      return tr(locale, 'diagram.t.fc', { n: l.outputs });
    default:
      return layerTitle(l, locale);
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
export function tapTitles(p: Plan, locale: Locale = 'en'): Map<string, TapTitle> {
  const out = new Map<string, TapTitle>();
  const add = (caffe: string, group: string, short: string, title: string) => out.set(caffe, { caffe, group, short, title });
  for (const row of p.rows) {
    const block = row.block;
    if (!isModule(block)) {
      for (const l of block) add(l.layer.name, l.layer.name.split('/')[0] as string, layerTitle(l.layer, locale), layerTitle(l.layer, locale));
      continue;
    }
    const group = moduleTitle(block.module, locale);
    for (const b of block.branches)
      for (const l of b.layers) {
        const short = `${branchTitle(b.name, locale)}: ${branchLayerTitle(l.layer, 'kernel' in l.layer ? l.layer.kernel : 1, locale)}`;
        add(l.layer.name, group, short, `${group}, ${short}`);
      }
    add(block.tap, group, tr(locale, 'diagram.t.outputLong'), tr(locale, 'diagram.t.output', { group }));
  }
  for (const a of p.aux)
    for (const l of a.layers) {
      const group = auxHeadTitle(a.head.name, locale);
      add(l.layer.name, group, auxLayerTitle(l.layer, locale), `${group}: ${auxLayerTitle(l.layer, locale)}`);
    }
  return out;
}
