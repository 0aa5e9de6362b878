/**
 * What a file the reader gives is, told before anything reads it whole: an image (by its first
 * bytes, else by its type), the upstream caffemodel, Caffe's synset_words.txt, or none of these,
 * with the one line that says so. DOM-free: the page passes the name, the type and the first
 * bytes, so it is tested in Node.
 */

import { LocalizedError } from '../../i18n/localized-error';

/** How many leading bytes `imageFormat` needs. */
export const SIGNATURE_BYTES = 16;

const ascii = (head: Uint8Array, at: number, text: string): boolean =>
	[...text].every((c, i) => head[at + i] === c.charCodeAt(0));

/** The image format the first bytes announce, or null (a browser decodes each of these). */
export function imageFormat(head: Uint8Array): string | null {
	if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'PNG';
	if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
	if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'GIF';
	if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'WebP';
	if (ascii(head, 4, 'ftyp') && (ascii(head, 8, 'avif') || ascii(head, 8, 'avis'))) return 'AVIF';
	if (ascii(head, 0, 'BM')) return 'BMP';
	if ([0, 0, 1, 0].every((b, i) => head[i] === b)) return 'ICO';
	return null;
}

const MIME: Readonly<Record<string, string>> = {
	PNG: 'image/png',
	JPEG: 'image/jpeg',
	GIF: 'image/gif',
	WebP: 'image/webp',
	AVIF: 'image/avif',
	BMP: 'image/bmp',
	ICO: 'image/x-icon'
};

/**
 * The type to read the file as: the one its first bytes announce where its own type says it is
 * not an image (a PNG saved as `.txt`), else its own.
 */
export function imageType(type: string, head: Uint8Array): string {
	const format = imageFormat(head);
	return format && !type.startsWith('image/') ? (MIME[format] as string) : type;
}

/**
 * Why the file cannot be a picture, or null when it may be one: its first bytes are an image's,
 * or its type says image (a damaged one is then refused by the decoder, with its own message).
 * An empty file is left to the decoder too, which says it is empty.
 */
export function notAnImage(name: string, type: string, head: Uint8Array, size: number): LocalizedError | null {
	if (size === 0 || imageFormat(head) || type.startsWith('image/')) return null;
	return type ? new LocalizedError('live.notImage', { name, type }) : new LocalizedError('live.notImage.untyped', { name });
}

/**
 * Where a file came from: the photo picker takes photos only; the weights panel's picker the
 * caffemodel or a list of class names; a drop or a paste anything the page reads.
 */
export type FileSource = 'photo' | 'weights' | 'drop';

export type FileRole = 'image' | 'caffemodel' | 'labels';

/**
 * What a file is for, by its name and where it came from. A drop or a paste is the upstream
 * caffemodel or Caffe's synset_words.txt by name, and otherwise a photo (checked by `notAnImage`
 * next); the weights panel's picker takes any .txt as class names.
 */
export function fileRole(name: string, source: FileSource): FileRole {
	if (source === 'photo') return 'image';
	if (/\.caffemodel$/i.test(name)) return 'caffemodel';
	if (source === 'weights' || /synset_words.*\.txt$/i.test(name)) return 'labels';
	return 'image';
}
