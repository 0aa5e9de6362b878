import * as tf from '@tensorflow/tfjs';
import jpeg from 'jpeg-js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpaque, toRgb } from '../../../src/lib/engine/preprocess';
import { decodeImage, readImage } from '../../../src/lib/node/image';
import { shrink } from '../../../src/lib/node/shrink';
import { cmykJpeg } from './cmyk-jpeg';
import { startTestBackend, tempDir } from './helpers';

function png(width: number, height: number, rgba: (x: number, y: number) => [number, number, number, number], colorType = 6): Buffer {
  const img = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) img.data.set(rgba(x, y), (y * width + x) * 4);
  return PNG.sync.write(img, { colorType: colorType as 0 | 2 | 4 | 6, inputHasAlpha: true });
}

/** A PNG that claims `width` x `height` in its header and holds no pixels at all. */
function pngHeader(width: number, height: number, bitDepth = 8): Buffer {
  const ihdr = Buffer.alloc(33);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(ihdr);
  ihdr.writeUInt32BE(width, 16);
  ihdr.writeUInt32BE(height, 20);
  ihdr.set([bitDepth, 6, 0, 0, 0], 24);
  return ihdr;
}

/** A JPEG whose frame header claims `width` x `height`, with no scan. */
function jpegHeader(width: number, height: number): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
}

describe('reading images', () => {
  let temp: ReturnType<typeof tempDir>; // made in beforeAll: a skipped suite leaves nothing behind
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(temp.path, name);
    writeFileSync(path, bytes);
    return path;
  };
  beforeAll(async () => {
    temp = tempDir('images');
    await startTestBackend();
  });
  afterAll(() => temp.remove());

  /** `name` in the temporary folder, as a pattern for the start of a message. */
  const at = (name: string) => `^${join(temp.path, name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `;
  const refuses = (name: string, message: string) => expect(() => readImage(join(temp.path, name))).toThrow(new RegExp(at(name) + message));

  it('refuses what is not an image, an empty file, a missing file, a cut PNG, naming the file as given', () => {
    file('notes.png', 'these are not pixels');
    refuses('notes.png', 'not a PNG or JPEG image$');
    file('empty.jpg', '');
    refuses('empty.jpg', 'empty file$');
    refuses('absent.png', 'no such file or directory$');
    const whole = png(64, 64, (x, y) => [x * 4, y * 4, 0, 255]);
    file('cut.png', whole.subarray(0, whole.length - 40));
    refuses('cut.png', 'truncated PNG: the file ends before its image data does \\(\\d+ B\\)$');
    file('anim.gif', 'GIF89a\x40\x00\x40\x00');
    refuses('anim.gif', 'a GIF image: the command line reads PNG and JPEG$');
  });

  it('refuses a folder, a link loop, a FIFO and /dev/zero before reading, in words', () => {
    mkdirSync(join(temp.path, 'folder.png'));
    refuses('folder.png', 'is a folder, not a file$');
    symlinkSync(join(temp.path, 'loop-b.png'), join(temp.path, 'loop-a.png'));
    symlinkSync(join(temp.path, 'loop-a.png'), join(temp.path, 'loop-b.png'));
    refuses('loop-a.png', 'too many levels of symbolic links \\(a link that points back at itself\\?\\)$');
    expect(spawnSync('mkfifo', [join(temp.path, 'pipe.png')]).status).toBe(0);
    refuses('pipe.png', 'is a named pipe \\(FIFO\\), not a regular file$'); // would block forever if opened
    expect(() => readImage('/dev/zero')).toThrow(/^\/dev\/zero: is a device, not a regular file$/);
  });

  it('refuses a 3 GB file from its size, before reading it, saying the limit', () => {
    const big = file('big.png', pngHeader(4000, 3000)); // sparse: takes no disk
    truncateSync(big, 3 * 1024 ** 3);
    refuses('big.png', 'file is 3\\.00 GiB: the limit for an image is 64\\.00 MiB$');
  });

  it('refuses a 1x1 image, saying the minimum', () => {
    file('dot.png', png(1, 1, () => [0, 0, 0, 255]));
    refuses('dot.png', 'image is 1x1: too small, the minimum is 32x32 pixels$');
  });

  it('refuses 10000x10000 from the header, before decoding anything', () => {
    // These files hold no pixel data: only the header is read before refusing.
    file('huge.png', pngHeader(10000, 10000));
    refuses('huge.png', 'image is 10000x10000 \\(100\\.0 megapixels\\): the limit is 50 megapixels$');
    file('huge.jpg', jpegHeader(10000, 10000));
    refuses('huge.jpg', 'image is 10000x10000 .* the limit is 50 megapixels$');
  });

  it('refuses from the header an image whose decoding would go over the memory budget, naming it', () => {
    file('deep.png', pngHeader(7000, 7000, 16));
    refuses('deep.png', 'decoding this 7000x7000 PNG would take about 1\\.\\d\\d GiB, over the 1\\.00 GiB one image may use: scale it down first$');
    file('wide.jpg', jpegHeader(7000, 7000));
    refuses('wide.jpg', 'decoding this 7000x7000 JPEG would take about 1\\.\\d\\d GiB, over the 1\\.00 GiB one image may use: scale it down first$');
  });

  it('scales a large photo down as it reads it, shorter side at most 704, averaging boxes', () => {
    const big = readImage(file('big.jpg', jpeg.encode({ width: 1500, height: 1600, data: Buffer.alloc(1500 * 1600 * 4, 200) }, 90).data));
    expect([big.width, big.height]).toEqual([500, 533]); // by 3: the shorter side from 1500 to 500
    expect(big.data.length).toBe(500 * 533 * 4);
    expect(Math.abs(big.data[0]! - 200)).toBeLessThanOrEqual(2);
    expect(big.data[3]).toBe(255);
  });

  it('averages boxes with colour weighted by alpha, so a transparent pixel does not darken its neighbour', () => {
    // 4x2: transparent black, opaque red, then opaque blue, opaque green; boxes of 2x2 (shorter side to 1).
    const px = [[0, 0, 0, 0], [255, 0, 0, 255], [0, 0, 255, 255], [0, 255, 0, 255]];
    const data = Uint8Array.from([...px, ...px].flat());
    const out = shrink(4, 2, 4, data, 1);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([255, 0, 0, 128, 0, 128, 128, 255]);
    const rgb = shrink(2, 2, 3, Uint8Array.from([10, 20, 30, 10, 20, 30, 30, 40, 50, 30, 40, 50]), 1);
    expect(Array.from(rgb.data)).toEqual([20, 30, 40, 255]);
  });

  it('reads grey and palette-free RGB PNGs as RGBA', () => {
    const grey = readImage(file('grey.png', png(40, 32, (x) => [x * 6, x * 6, x * 6, 255], 0)));
    expect([grey.width, grey.height]).toEqual([40, 32]);
    expect(Array.from(grey.data.subarray(4 * 10, 4 * 11))).toEqual([60, 60, 60, 255]);
    const rgb = decodeImage(jpeg.encode({ width: 48, height: 40, data: Buffer.alloc(48 * 40 * 4, 128) }, 95).data);
    expect([rgb.width, rgb.height]).toEqual([48, 40]);
  });

  it('converts an Adobe CMYK JPEG to RGB, and explains a CMYK JPEG it cannot read', () => {
    const cmyk = readImage(file('cmyk.jpg', cmykJpeg(40, 32, [200, 100, 50, 255])));
    expect([cmyk.width, cmyk.height]).toEqual([40, 32]);
    expect(Array.from(cmyk.data.subarray(0, 4))).toEqual([200, 100, 50, 255]);
    file('bare-cmyk.jpg', cmykJpeg(40, 32, [200, 100, 50, 255], false));
    refuses('bare-cmyk.jpg', 'CMYK JPEG without an Adobe colour marker: save it as RGB first$');
  });

  it('composites alpha on white, keeping opaque pixels as they are', async () => {
    const img = readImage(file('alpha.png', png(32, 32, (x) => (x < 16 ? [10, 20, 30, 0] : [10, 20, 30, 255]))));
    const pixels = tf.tensor3d(img.data, [32, 32, 4], 'int32');
    const rgb = toRgb(pixels);
    const row = (await rgb.data()) as Float32Array;
    expect(Array.from(row.subarray(0, 3))).toEqual([255, 255, 255]); // transparent -> white
    expect(Array.from(row.subarray(16 * 3, 17 * 3))).toEqual([10, 20, 30]); // opaque -> unchanged
    const grey = toRgb(tf.fill([32, 32, 1], 7, 'int32') as tf.Tensor3D);
    expect(grey.shape).toEqual([32, 32, 3]);
    tf.dispose([pixels, rgb, grey]);
    // The live page drops alpha before tfjs only when no pixel needs it.
    expect(isOpaque(img.data)).toBe(false);
    expect(isOpaque(Uint8ClampedArray.of(1, 2, 3, 255, 4, 5, 6, 255))).toBe(true);
    expect(isOpaque(Uint8ClampedArray.of(1, 2, 3, 255, 4, 5, 6, 254))).toBe(false);
  });
});
