/**
 * The image parameterisations of Olah et al. 2017 ("Feature Visualization", Distill), as in their
 * lucid library: a Fourier basis whose coefficients are scaled by 1/frequency (so that a step
 * moves every frequency by a similar amount of energy, as natural images have), and a
 * decorrelated colour space (the square root of ImageNet's colour correlation, from its SVD),
 * squashed into [0, 1] with a sigmoid.
 */
import * as tf from '@tensorflow/tfjs';

/** lucid's `color_correlation_svd_sqrt` (ImageNet), rows R, G, B. */
const COLOR_SVD_SQRT = [
  [0.26, 0.09, 0.02],
  [0.27, 0.0, -0.05],
  [0.27, -0.09, 0.03]
];
const MAX_NORM = Math.max(...[0, 1, 2].map((j) => Math.hypot(...COLOR_SVD_SQRT.map((row) => row[j]!))));

/** The decorrelated -> RGB matrix, laid out for x [.., 3] @ M: M = (svd_sqrt / max column norm)^T. */
export function colourMatrix(): tf.Tensor2D {
  const m = [0, 1, 2].map((i) => [0, 1, 2].map((j) => COLOR_SVD_SQRT[j]![i]! / MAX_NORM));
  return tf.tensor2d(m.flat(), [3, 3]);
}

/**
 * An orthonormal real Fourier basis of length n, [n samples, n frequencies]: the constant, then
 * cos and sin of each frequency k = 1 .. n/2 - 1, then (-1)^t for n even; and each column's
 * frequency in cycles per pixel.
 */
export function fourierBasis(n: number): { basis: Float32Array; freq: Float32Array } {
  const basis = new Float32Array(n * n);
  const freq = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    const k = Math.ceil(j / 2);
    freq[j] = k / n;
    for (let t = 0; t < n; t++) {
      let v: number;
      if (j === 0) v = 1 / Math.sqrt(n);
      else if (n % 2 === 0 && j === n - 1) v = (t % 2 === 0 ? 1 : -1) / Math.sqrt(n);
      else v = Math.sqrt(2 / n) * (j % 2 === 1 ? Math.cos((2 * Math.PI * k * t) / n) : Math.sin((2 * Math.PI * k * t) / n));
      basis[t * n + j] = v;
    }
  }
  return { basis, freq };
}

export interface Parameterisation {
  /** The variable the optimizer moves. */
  readonly params: tf.Variable;
  /** params -> RGB [b, size, size, 3] in [0, 1] (differentiable). */
  image(): tf.Tensor4D;
  dispose(): void;
}

/**
 * `batch` pictures of `size` x `size`, from seeded noise. Fourier: coefficients [b, 3, n, n]
 * (channels first), image = B (S * P) B^T per channel with S = 1/4 / max(f, 1/n), which
 * matches lucid's scale for its irfft2d. Otherwise the pixels themselves.
 */
export function parameterise(size: number, batch: number, fourier: boolean, decorrelate: boolean, seed: number): Parameterisation {
  const owned: tf.Tensor[] = [];
  // In a tidy scope: tf.variable shares the initial tensor's data and would leave it behind.
  const params = tf.tidy(() => tf.variable(tf.randomNormal([batch, 3, size, size], 0, 0.01, 'float32', seed)));
  let basis: tf.Tensor2D | undefined;
  let scale: tf.Tensor2D | undefined;
  if (fourier) {
    const { basis: b, freq } = fourierBasis(size);
    const s = new Float32Array(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) s[i * size + j] = 0.25 / Math.max(Math.hypot(freq[i]!, freq[j]!), 1 / size);
    basis = tf.tensor2d(b, [size, size]);
    scale = tf.tensor2d(s, [size, size]);
    owned.push(basis, scale);
  }
  const colour = colourMatrix();
  owned.push(colour);
  const image = () =>
    tf.tidy(() => {
      let x: tf.Tensor = params; // [b, 3, n, n]
      if (basis && scale) {
        const flat = tf.reshape(tf.mul(x, scale), [batch * 3, size, size]);
        const left = tf.matMul(tf.tile(tf.expandDims(basis, 0), [batch * 3, 1, 1]) as tf.Tensor3D, flat as tf.Tensor3D);
        x = tf.matMul(left, tf.tile(tf.expandDims(basis, 0), [batch * 3, 1, 1]) as tf.Tensor3D, false, true);
      }
      const hwc = tf.transpose(tf.reshape(x, [batch, 3, size, size]), [0, 2, 3, 1]); // [b, n, n, 3]
      const rgb = decorrelate ? tf.reshape(tf.matMul(tf.reshape(hwc, [-1, 3]), colour), [batch, size, size, 3]) : hwc;
      return tf.sigmoid(rgb) as tf.Tensor4D;
    });
  return { params, image, dispose: () => tf.dispose([params, ...owned]) };
}
