/**
 * What kind of image a file is and how large, read from its first bytes (the signature and the
 * header), before anything is decoded: PNG (IHDR), JPEG (the first SOFn segment, with each
 * component's sampling factors), GIF (the logical screen) and WebP (VP8, VP8L, VP8X). Plain
 * TypeScript, for the CLI and the page alike.
 */

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ImageHeader {
  readonly kind: ImageKind;
  readonly width: number;
  readonly height: number;
  /** PNG: bits per sample and colour type. */
  readonly png?: { readonly bitDepth: number; readonly colorType: number; readonly interlaced: boolean };
  /** JPEG: the sampling factors of each component, and the EXIF orientation (1-8) if any. */
  readonly jpeg?: { readonly components: readonly { readonly h: number; readonly v: number }[]; readonly orientation?: number };
}

/** Width and height as shown: EXIF orientations 5-8 turn the picture a quarter. */
export function shownSize(h: ImageHeader): { width: number; height: number } {
  const turned = (h.jpeg?.orientation ?? 1) >= 5;
  return turned ? { width: h.height, height: h.width } : { width: h.width, height: h.height };
}

/** Bytes enough to hold the header of nearly every file (a JPEG's EXIF may come first). */
export const HEADER_BYTES = 256 * 1024;

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The kind from the signature alone, or null. */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 'PNG\r\n\x1a\n')) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  return null;
}

/** The orientation tag (0x0112) of an APP1 `Exif` segment's first IFD, or undefined. */
function exifOrientation(bytes: Uint8Array, view: DataView, at: number, end: number): number | undefined {
  const tiff = at + 10; // after FF E1, length, "Exif\0\0"
  if (!ascii(bytes, at + 4, 'Exif\0\0') || tiff + 8 > end) return undefined;
  const little = ascii(bytes, tiff, 'II');
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return undefined;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count && ifd + 2 + i * 12 + 12 <= end; i++) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
  }
  return undefined;
}

function jpegHeader(bytes: Uint8Array, view: DataView): ImageHeader | null {
  let at = 2;
  let orientation: number | undefined;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      const count = bytes[at + 9] as number;
      const components = Array.from({ length: count }, (_, i) => {
        const hv = bytes[at + 11 + i * 3] ?? 0x11;
        return { h: hv >> 4 || 1, v: hv & 15 || 1 };
      });
      return { kind: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7), jpeg: { components, orientation } };
    }
    const end = Math.min(bytes.length, at + 2 + view.getUint16(at + 2));
    if (marker === 0xe1 && orientation === undefined) orientation = exifOrientation(bytes, view, at, end);
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function webpHeader(bytes: Uint8Array, view: DataView): ImageHeader | null {
  if (bytes.length < 30) return null;
  if (ascii(bytes, 12, 'VP8 ')) return { kind: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (ascii(bytes, 12, 'VP8L')) {
    const bits = view.getUint32(21, true);
    return { kind: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (ascii(bytes, 12, 'VP8X')) {
    const u24 = (at: number) => (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16);
    return { kind: 'webp', width: u24(24) + 1, height: u24(27) + 1 };
  }
  return null;
}

/** The kind and size from the first bytes of a file; null when the header is not there. */
export function imageHeader(bytes: Uint8Array): ImageHeader | null {
  const kind = imageKind(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (kind) {
    case 'png':
      if (bytes.length < 29 || !ascii(bytes, 12, 'IHDR')) return null;
      return {
        kind,
        width: view.getUint32(16),
        height: view.getUint32(20),
        png: { bitDepth: bytes[24] as number, colorType: bytes[25] as number, interlaced: bytes[28] === 1 }
      };
    case 'jpeg':
      return jpegHeader(bytes, view);
    case 'gif':
      return bytes.length >= 10 ? { kind, width: view.getUint16(6, true), height: view.getUint16(8, true) } : null;
    case 'webp':
      return webpHeader(bytes, view);
    default:
      return null;
  }
}
