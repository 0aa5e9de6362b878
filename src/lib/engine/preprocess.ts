/**
 * From pixels to the network's input, in tfjs so the browser and Node share it: RGB(A) or grey
 * [h, w, c] in 0..255 -> crops resized to 224 -> BGR minus the mean, as BVLC's Caffe model expects.
 * Crops are resampled with tf.image.cropAndResize and the colour step is a 1x1 convolution:
 * tfjs's generic slice, reverse and broadcast kernels are slow enough (milliseconds a crop in
 * WASM, a quarter second on CPU) to cost more than the network.
 */
import * as tf from '@tensorflow/tfjs';
import type { CropBox } from './crops';

export { imageFileProblem, imageSizeProblem, MAX_IMAGE_BYTES, MAX_PIXELS, MAX_SHORT_SIDE, MIN_SIDE } from './image-limits';

/** True when every pixel of RGBA bytes is fully opaque: its alpha can be dropped before tfjs sees it. */
export function isOpaque(rgba: ArrayLike<number>): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/** [h, w, 1|2|3|4] in 0..255 -> float32 RGB [h, w, 3]; alpha is composited on white. */
export function toRgb(pixels: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const channels = pixels.shape[2];
    const x = tf.cast(pixels, 'float32');
    if (channels === 3) return x;
    const colour = channels <= 2 ? tf.tile(tf.slice(x, [0, 0, 0], [-1, -1, 1]), [1, 1, 3]) : tf.slice(x, [0, 0, 0], [-1, -1, 3]);
    if (channels === 1) return colour as tf.Tensor3D;
    const alpha = tf.div(tf.slice(x, [0, 0, channels - 1], [-1, -1, 1]), 255);
    // colour * a + white * (1 - a)
    return tf.add(tf.mul(colour, alpha), tf.mul(tf.sub(1, alpha), 255)) as tf.Tensor3D;
  });
}

/**
 * Bilinear resize (half-pixel centres, like OpenCV and PIL) to exactly `width` x `height`; a
 * large reduction is first box-filtered by an integer factor so that it does not alias.
 */
export function resize(rgb: tf.Tensor3D, width: number, height: number): tf.Tensor3D {
  const [h, w] = rgb.shape;
  if (h === height && w === width) return tf.clone(rgb);
  return tf.tidy(() => {
    const factor = Math.floor(Math.min(h / height, w / width));
    const filtered = factor >= 2 ? tf.avgPool(rgb, factor, factor, 'valid') : rgb;
    return tf.image.resizeBilinear(filtered, [height, width], false, true);
  });
}

/**
 * RGB 0..255 -> BGR minus the per-channel mean (given in BGR order), as one 1x1 convolution with
 * a permutation filter and the negated mean as bias: exact, and far faster than reverse + sub
 * in the WASM and CPU backends.
 */
export function toNetworkInput(rgb: tf.Tensor4D, meanBgr: readonly [number, number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const swap = tf.tensor4d([0, 0, 1, 0, 1, 0, 1, 0, 0], [1, 1, 3, 3]);
    const bias = tf.tensor1d(meanBgr.map((m) => -m));
    return tf.fused.conv2d({ x: rgb, filter: swap, bias, strides: 1, pad: 'valid' });
  });
}

/** Pixels of edge added around the source, so that samples just outside it clamp to the edge. */
const EDGE = 2;

/**
 * Where the first and last of `side` samples of one crop axis fall in the padded source,
 * normalised as tf.image.cropAndResize wants. A crop of `size` resized pixels starting at
 * `start` is resampled to `side` with half-pixel centres; the resized image (`resizedLen`)
 * maps to the original (`originalLen`) the same way, and the original to the box-filtered
 * source (factor `f`) by the pooling windows' centres.
 */
function axisSpan(start: number, size: number, side: number, resizedLen: number, originalLen: number, f: number): [number, number] {
  const at = (i: number) => {
    const r = start + (i + 0.5) * (size / side) - 0.5;
    const u = (r + 0.5) * (originalLen / resizedLen) - 0.5;
    const v = (u - (f - 1) / 2) / f;
    return (v + EDGE) / (Math.floor(originalLen / f) + 2 * EDGE - 1);
  };
  return [at(0), at(side - 1)];
}

/**
 * Cuts `boxes` (any scales, mirrors) from the image in one tf.image.cropAndResize: resizing to
 * the scale, cutting and mirroring are all one bilinear resampling of the original. A large
 * reduction is first box-filtered by an integer factor so that it does not alias; that filtered,
 * edge-padded source is kept in `cache` for the next chunk (the caller disposes it).
 * Returns RGB [n, side, side, 3].
 */
export function cutCrops(
  rgb: tf.Tensor3D,
  boxes: readonly CropBox[],
  side: number,
  cache: Map<number, tf.Tensor3D>
): tf.Tensor4D {
  const [h, w] = rgb.shape;
  const largest = Math.max(...boxes.map((b) => b.scale));
  const f = Math.max(1, Math.floor(Math.min(h, w) / largest));
  let source = cache.get(f);
  if (!source) {
    // Kept: the cache outlives any tidy scope the caller runs this in.
    source = tf.keep(
      tf.tidy(() => {
        const filtered = f > 1 ? tf.avgPool(rgb, f, f, 'valid') : rgb;
        return tf.mirrorPad(filtered, [[EDGE, EDGE], [EDGE, EDGE], [0, 0]], 'symmetric');
      })
    );
    cache.set(f, source);
  }
  const coords = boxes.flatMap((b) => {
    const [y1, y2] = axisSpan(b.region.y, b.region.height, side, b.resized.height, h, f);
    const [x1, x2] = axisSpan(b.region.x, b.region.width, side, b.resized.width, w, f);
    return b.mirror ? [y1, x2, y2, x1] : [y1, x1, y2, x2]; // a box from right to left is mirrored
  });
  const src = source;
  return tf.tidy(() =>
    tf.image.cropAndResize(
      tf.expandDims(src, 0) as tf.Tensor4D,
      tf.tensor2d(coords, [boxes.length, 4]),
      tf.zeros([boxes.length], 'int32') as tf.Tensor1D,
      [side, side],
      'bilinear'
    )
  );
}
