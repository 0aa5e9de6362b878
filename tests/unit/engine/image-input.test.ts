// The page's image input (src/lib/engine/browser/image-input.ts) in Node, with the browser's
// createImageBitmap and OffscreenCanvas stood in for: what is decoded, at what size, and what is
// refused before any decoding.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageFromBlob } from '../../../src/lib/engine/browser/image-input';

/** A PNG that claims `width` x `height` in its header and holds no pixels at all. */
function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.alloc(33);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(ihdr);
  ihdr.writeUInt32BE(width, 16);
  ihdr.writeUInt32BE(height, 20);
  ihdr.set([8, 6, 0, 0, 0], 24);
  return new Uint8Array(ihdr);
}

/** A JPEG whose EXIF says `orientation` and whose frame header claims `width` x `height`. */
function jpegHeader(width: number, height: number, orientation: number): Uint8Array<ArrayBuffer> {
  const tiff = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 2 + 6 + tiff.length]), Buffer.from('Exif\0\0', 'binary'), tiff]);
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0]);
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof]));
}

/** What the stand-in decoder was asked for: the options of each call. */
const calls: (ImageBitmapOptions | undefined)[] = [];
const FULL = { width: 1000, height: 800 }; // what the stand-in "decodes" when not asked to scale

describe('images given to the page', () => {
  beforeAll(() => {
    vi.stubGlobal('createImageBitmap', async (_: unknown, options?: ImageBitmapOptions) => {
      calls.push(options);
      return { width: options?.resizeWidth ?? FULL.width, height: options?.resizeHeight ?? FULL.height, close() {} };
    });
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        constructor(
          readonly width: number,
          readonly height: number
        ) {}
        getContext() {
          return { drawImage() {}, getImageData: (_x: number, _y: number, w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }) };
        }
      }
    );
  });
  afterAll(() => vi.unstubAllGlobals());
  beforeEach(() => (calls.length = 0));

  it('refuses a file over the size limit without reading it', async () => {
    const huge = { size: 2 * 1024 ** 3, type: 'image/jpeg', slice: () => Promise.reject(new Error('read')) } as unknown as Blob;
    await expect(imageFromBlob(huge, 'huge.jpg')).rejects.toThrow(/^huge\.jpg: file is 2\.00 GiB: the limit for an image is 64\.00 MiB$/);
    expect(calls).toEqual([]);
  });

  it('refuses too many pixels from the header, decoding nothing', async () => {
    await expect(imageFromBlob(new Blob([pngHeader(10000, 10000)], { type: 'image/png' }), 'huge.png')).rejects.toThrow(
      /^huge\.png: image is 10000x10000 \(100\.0 megapixels\): the limit is 50 megapixels$/
    );
    expect(calls).toEqual([]);
  });

  it('decodes a large photo once, scaled as it is decoded, turned as its EXIF says', async () => {
    // Stored 4000x3000, shown turned a quarter (orientation 6): 3000x4000, shorter side to 704.
    const image = await imageFromBlob(new Blob([jpegHeader(4000, 3000, 6)], { type: 'image/jpeg' }), 'phone.jpg');
    expect(calls).toEqual([expect.objectContaining({ resizeWidth: 704, resizeHeight: 939 })]);
    expect([image.width, image.height, image.original.width, image.original.height]).toEqual([704, 939, 3000, 4000]);
  });

  it('still decodes a format whose header it does not read, once to learn its size', async () => {
    const image = await imageFromBlob(new Blob(['BM not read here'], { type: 'image/bmp' }), 'old.bmp');
    expect(calls).toHaveLength(2);
    expect([image.original.width, image.original.height, image.width, image.height]).toEqual([1000, 800, 880, 704]);
  });
});
