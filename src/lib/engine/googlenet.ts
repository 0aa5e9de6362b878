/**
 * The network in tfjs, compiled from the plan (no architecture is written here): rows run in
 * order, an Inception module runs its branches and concatenates them, auxiliary heads hang off
 * their modules when their weights are loaded. One forward pass returns the class probabilities
 * and any requested taps by the description's names; everything else is freed inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { isModule, plan as makePlan, type Plan, type PlannedLayer, type Shape } from '../core/plan';
import { layerFn, type LayerFn, type Weights } from './layers';
import { inputGradLayerFn, preReluLayerFn, type GradConstants } from './layers-grad';
import { MAIN_GROUP, shapeText, weightSpecs } from './weight-spec';

interface Step {
  readonly name: string;
  readonly fn: LayerFn;
  /** The same layer with gradients with respect to its input only (built on first use). */
  readonly gradFn: () => LayerFn;
  /** A convolution read before its ReLU, differentiable (built on first use); null for other layers. */
  readonly preFn: (() => LayerFn) | null;
}
type Block =
  | { readonly kind: 'layers'; readonly steps: readonly Step[] }
  | { readonly kind: 'module'; readonly name: string; readonly tap: string; readonly branches: readonly (readonly Step[])[] };

export interface ForwardOptions {
  /** Layer names, branch taps (`inception_4c/3x3`) or module outputs (`inception_4c/output`). */
  readonly taps?: readonly string[];
  /** Run the auxiliary heads whose weights are loaded (default true; a tap in a head runs it). */
  readonly aux?: boolean;
  /**
   * Run layers whose gradient with respect to the input tfjs can take on every backend (unfused
   * ops; weights are constants, so no filter gradients are computed). For tf.grad and friends.
   */
  readonly differentiable?: boolean;
  /**
   * Stop as soon as every requested tap is computed: `probs` is then [n, 0]. The input may then
   * be any size the layers up to those taps can take (e.g. 128x128 for a feature visualization);
   * tap shapes then differ from `tapShapes`.
   */
  readonly stopAfterTaps?: boolean;
  /** Replaces a tap's value by f(value) before the layers above read it (e.g. adds a probe for Grad-CAM). */
  readonly edit?: Readonly<Record<string, (t: tf.Tensor4D) => tf.Tensor4D>>;
  /**
   * Taps of convolutions, and module outputs (the concatenation of their branches' last
   * convolutions), are returned before the ReLU; the layers above still read the ReLU's output.
   * Other taps (pools, LRN) are unchanged. Needs `differentiable`.
   */
  readonly preRelu?: boolean;
}

/** A type, not an interface, so that it is a tf.TensorContainer (tf.tidy can return it). */
export type ForwardResult = {
  /** [n, 1000] softmax probabilities. */
  readonly probs: tf.Tensor2D;
  /** Each requested tap, [n, h, w, c] as the plan says. */
  readonly taps: Record<string, tf.Tensor4D>;
  /** [n, 1000] per auxiliary head run (`loss1`, `loss2`). */
  readonly aux: Record<string, tf.Tensor2D>;
};

export interface GoogLeNet {
  readonly plan: Plan;
  readonly auxHeads: readonly string[];
  /** Every name `forward` accepts as a tap (aux heads only when loaded), with its shape per image. */
  readonly tapShapes: ReadonlyMap<string, Shape>;
  /** True for networks `forward` can differentiate (tfjs, `differentiable: true`); absent on the SIMD engine. */
  readonly differentiable?: boolean;
  /** `input`: [n, 224, 224, 3], preprocessed (BGR, mean subtracted). The caller disposes results. */
  forward(input: tf.Tensor4D, options?: ForwardOptions): ForwardResult;
  /** Frees the few constants the network made for itself (not the weights, which the caller owns). */
  dispose(): void;
}

/** Every tap name of a plan (with the auxiliary heads listed) and its shape, in execution order. */
export function tapShapes(p: Plan, auxHeads: readonly string[] = p.aux.map((a) => a.head.name)): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const row of p.rows) {
    if (!isModule(row.block)) for (const l of row.block) shapes.set(l.layer.name, l.output);
    else {
      for (const b of row.block.branches) for (const l of b.layers) shapes.set(l.layer.name, l.output);
      shapes.set(row.block.tap, row.block.output);
    }
  }
  for (const a of p.aux.filter((a) => auxHeads.includes(a.head.name)))
    for (const l of a.layers) shapes.set(l.layer.name, l.output);
  return shapes;
}

/** Checks that `weights` hold every tensor the plan needs, with the right shapes. */
function presentHeads(weights: Weights, p: Plan): string[] {
  const specs = weightSpecs(p);
  for (const s of specs) {
    const w = weights[s.name];
    if (s.group === MAIN_GROUP && !w) throw new Error(`weight ${s.name} is not loaded`);
    if (w && shapeText(w.shape) !== shapeText(s.shape))
      throw new Error(`weight ${s.name} has shape ${shapeText(w.shape)}, the plan needs ${shapeText(s.shape)}`);
  }
  return p.aux.map((a) => a.head.name).filter((h) => specs.every((s) => s.group !== h || weights[s.name]));
}

export function createGoogLeNet(weights: Weights, p: Plan = makePlan()): GoogLeNet {
  const auxHeads = presentHeads(weights, p);
  const owned: tf.Tensor[] = [];
  const steps = (ls: readonly PlannedLayer[]): Step[] =>
    ls.map((l) => {
      let grad: LayerFn | undefined;
      let pre: LayerFn | null | undefined;
      const shared: GradConstants = {};
      return {
        name: l.layer.name,
        fn: layerFn(l, weights, owned),
        gradFn: () => (grad ??= inputGradLayerFn(l, weights, owned, shared)),
        preFn: l.layer.op === 'conv' ? () => (pre ??= preReluLayerFn(l, weights, owned, shared)!) : null
      };
    });
  const blocks: Block[] = p.rows.map(({ block }): Block =>
    isModule(block)
      ? { kind: 'module', name: block.module.name, tap: block.tap, branches: block.branches.map((b) => steps(b.layers)) }
      : { kind: 'layers', steps: steps(block) }
  );
  const heads = new Map(
    p.aux
      .filter((a) => auxHeads.includes(a.head.name))
      .map((a) => [a.head.after, { name: a.head.name, steps: steps(a.layers) }])
  );
  const shapes = tapShapes(p, auxHeads);
  const [h, w, c] = p.network.input;

  function forward(input: tf.Tensor4D, options: ForwardOptions = {}): ForwardResult {
    const wanted = new Set(options.taps ?? []);
    const edits = options.edit ?? {};
    const unknown = [...wanted, ...Object.keys(edits)].find((t) => !shapes.has(t));
    if (unknown !== undefined) throw new Error(`unknown tap "${unknown}" (e.g. inception_4c/3x3, inception_4c/output)`);
    const early = options.stopAfterTaps === true && wanted.size > 0;
    if ((!early && (input.shape[1] !== h || input.shape[2] !== w)) || input.shape[3] !== c)
      throw new Error(`input is ${shapeText(input.shape.slice(1))}, the network needs ${h}x${w}x${c}`);
    const runAux = options.aux ?? true;
    const grad = options.differentiable === true;
    const preRelu = options.preRelu === true;
    if (preRelu && !grad) throw new Error('preRelu taps need differentiable: true');
    const missing = new Set(wanted);
    return tf.tidy(() => {
      const taps: Record<string, tf.Tensor4D> = {};
      const aux: Record<string, tf.Tensor2D> = {};
      // Intermediates are freed as soon as nothing reads them (tidy would only free them at the
      // end): the next allocations then reuse memory that is still in cache.
      const kept = new Set<tf.Tensor>([input]);
      /** Keeps `t` if it is a wanted tap (or `tapValue`, its value before the ReLU), and returns it edited when an edit is asked for. */
      const keep = (name: string, t: tf.Tensor4D, tapValue: tf.Tensor4D = t): tf.Tensor4D => {
        if (wanted.has(name)) {
          taps[name] = tapValue;
          kept.add(tapValue);
          missing.delete(name);
        }
        const edit = edits[name];
        if (!edit) return t;
        const e = edit(t);
        kept.add(t); // the edited value replaces it above; `t` itself is freed by tidy
        return e;
      };
      const drop = (t: tf.Tensor) => {
        if (!kept.has(t)) t.dispose();
      };
      /**
       * Runs `steps` on `x`, freeing every intermediate (not `x`, nor the result). With `ends`, the
       * last layer's value before its ReLU is pushed there (a module's tap read before the ReLU).
       */
      const run = (steps: readonly Step[], x: tf.Tensor4D, ends?: tf.Tensor4D[]) =>
        steps.reduce((y, s, i) => {
          const last = i === steps.length - 1;
          let out: tf.Tensor4D;
          if (preRelu && s.preFn && (wanted.has(s.name) || (last && ends))) {
            const before = s.preFn()(y);
            kept.add(before);
            if (last && ends) ends.push(before);
            out = keep(s.name, tf.relu(before), before);
          } else out = keep(s.name, (grad ? s.gradFn() : s.fn)(y));
          if (y !== x && out !== y) drop(y);
          return out;
        }, x);
      let x = input;
      for (const block of blocks) {
        const before = x;
        if (block.kind === 'layers') x = run(block.steps, x);
        else {
          const ends: tf.Tensor4D[] | undefined = preRelu && wanted.has(block.tap) ? [] : undefined;
          const outs = block.branches.map((b) => run(b, x, ends));
          x = keep(block.tap, tf.concat(outs, 3), ends && ends.length === outs.length ? tf.concat(ends, 3) : undefined);
          outs.forEach(drop);
        }
        if (x !== before) drop(before);
        if (early && missing.size === 0) return { probs: tf.zeros([x.shape[0], 0]) as tf.Tensor2D, taps, aux };
        const head = block.kind === 'module' ? heads.get(block.name) : undefined;
        if (head && (runAux || head.steps.some((s) => wanted.has(s.name))))
          aux[head.name] = tf.reshape(run(head.steps, x), [x.shape[0], -1]);
      }
      return { probs: tf.reshape(x, [x.shape[0], -1]) as tf.Tensor2D, taps, aux };
    });
  }

  return { plan: p, auxHeads, tapShapes: shapes, differentiable: true, forward, dispose: () => tf.dispose(owned.splice(0)) };
}
