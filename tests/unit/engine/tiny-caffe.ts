/** A GoogLeNet-shaped caffemodel with two filters in every convolution: every blob kind, small. */
import { plan } from '../../../src/lib/core/plan';
import type { CaffeNet } from '../../../src/lib/engine/caffemodel';
import { sizeOf, weightSpecs, type WeightSpec } from '../../../src/lib/engine/weight-spec';

/** GoogLeNet with two filters in every convolution: every blob kind, in a small file. */
export const tinyPlan = plan({
  overrides: Object.fromEntries(
    plan()
      .rows.flatMap((r) => ('branches' in r.block ? r.block.branches.flatMap((b) => b.layers) : r.block))
      .filter((l) => l.layer.op === 'conv')
      .map((l) => [l.layer.name, 2])
  )
});
export const tinySpecs = weightSpecs(tinyPlan);

let seed = 1;
export const random = (n: number) => Float32Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2);

/** A caffemodel-shaped net: one layer per Caffe layer, filter then bias, in Caffe's layouts. */
export function caffeNet(specs: readonly WeightSpec[], name = 'GoogleNet'): CaffeNet {
  const layers = [...new Set(specs.map((s) => s.layer))].map((layer) => ({
    name: layer,
    blobs: (['filter', 'bias'] as const).map((blob) => {
      const s = specs.find((x) => x.layer === layer && x.blob === blob)!;
      return { shape: s.caffeShape, data: random(sizeOf(s.caffeShape)) };
    })
  }));
  // Layers without blobs (data, relu, concat, loss) are in every real file too.
  return { name, layers: [{ name: 'data', blobs: [] }, ...layers, { name: 'loss3/loss3', blobs: [] }] };
}
