import { describe, expect, it } from 'vitest';
import { errorText } from '../../../../src/lib/i18n/localized-error';
import { translate, type MessageKey, type Params } from '../../../../src/lib/i18n/translate';
import { fileRole, imageFormat, imageType, notAnImage, SIGNATURE_BYTES } from '../../../../src/lib/view/live/imageFile';

const bytes = (...parts: (number[] | string)[]): Uint8Array => {
	const out: number[] = [];
	for (const p of parts) out.push(...(typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p));
	while (out.length < SIGNATURE_BYTES) out.push(0x20);
	return Uint8Array.from(out);
};
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const text = bytes('cat\ndog\n');

describe('what a file given as a photo is', () => {
	it('knows the formats a browser decodes by their first bytes', () => {
		expect(imageFormat(png)).toBe('PNG');
		expect(imageFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG');
		expect(imageFormat(bytes('GIF89a'))).toBe('GIF');
		expect(imageFormat(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('WebP');
		expect(imageFormat(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('AVIF');
		expect(imageFormat(text)).toBeNull();
		expect(imageFormat(new Uint8Array(0))).toBeNull();
	});

	it('refuses a text file in one line that names it and its type, before any decoding', () => {
		expect(notAnImage('notes.txt', 'text/plain', text, 8)?.message).toBe('notes.txt is not an image (text/plain); give a PNG, JPEG, WebP or GIF.');
		expect(notAnImage('data', '', text, 8)?.message).toBe('data is not an image; give a PNG, JPEG, WebP or GIF.');
		// On the Korean page the same refusal reads in Korean.
		const ko = (k: MessageKey, p?: Params) => translate('ko', k, p);
		expect(errorText(notAnImage('notes.txt', 'text/plain', text, 8), ko)).toBe('notes.txt 파일(text/plain)은 그림이 아니다. PNG, JPEG, WebP, GIF 중 하나를 주어야 한다.');
	});

	it('lets through what is an image by its bytes (whatever its name or type), or by its type, and leaves an empty file to the decoder', () => {
		expect(notAnImage('photo.txt', 'text/plain', png, 100)).toBeNull();
		expect(notAnImage('broken.jpg', 'image/jpeg', text, 8)).toBeNull();
		expect(notAnImage('empty.png', 'image/png', new Uint8Array(0), 0)).toBeNull();
		expect(notAnImage('empty', '', new Uint8Array(0), 0)).toBeNull();
	});

	it("reads a picture by its bytes' type where its own type says text", () => {
		expect(imageType('text/plain', png)).toBe('image/png');
		expect(imageType('', png)).toBe('image/png');
		expect(imageType('image/png', png)).toBe('image/png');
		expect(imageType('image/jpeg', text)).toBe('image/jpeg');
		expect(imageType('text/plain', text)).toBe('text/plain');
	});

	it('reads a file as the photo picker, the weights panel or a drop means it', () => {
		expect(fileRole('notes.txt', 'photo')).toBe('image');
		expect(fileRole('synset_words.txt', 'photo')).toBe('image');
		expect(fileRole('bvlc_googlenet.caffemodel', 'photo')).toBe('image');
		expect(fileRole('bvlc_googlenet.caffemodel', 'drop')).toBe('caffemodel');
		expect(fileRole('synset_words.txt', 'drop')).toBe('labels');
		expect(fileRole('Synset_Words (1).TXT', 'drop')).toBe('labels');
		expect(fileRole('notes.txt', 'drop')).toBe('image');
		expect(fileRole('cat.png', 'drop')).toBe('image');
		expect(fileRole('my-classes.txt', 'weights')).toBe('labels');
		expect(fileRole('model.caffemodel', 'weights')).toBe('caffemodel');
	});
});
