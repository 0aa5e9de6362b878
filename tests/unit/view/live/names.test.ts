// The live page's names in both editions: crops, ImageNet classes, Latin-script names inside
// Korean text, and notice params that are errors or catalogue references.
import { describe, expect, it } from 'vitest';
import { className, cropName, englishBeside, resolveParams, squareName } from '$components/live/names';
import { cropGroups } from '$lib/view/live/cropGrid';
import { LocalizedError } from '$lib/i18n/localized-error';
import { translate, type MessageKey, type Params } from '$lib/i18n/translate';

const t = (locale: 'en' | 'ko') => (k: MessageKey, p?: Params) => translate(locale, k, p);

describe('crop names', () => {
	const cells = cropGroups(451, 300, 144).flatMap((g) => g.squares.flatMap((s) => s.cells));

	it('are the grid’s English names on the English page', () => {
		expect(cells.length).toBe(144);
		for (const c of cells) expect(cropName(c, t('en'))).toBe(c.name);
		expect(cells[1]?.name).toBe('256, left square, top left, mirrored');
	});

	it('read in Korean on the Korean page, with no English word left', () => {
		expect(cropName(cells[1]!, t('ko'))).toBe('256, 왼쪽 정사각형, 왼쪽 위, 좌우 반전');
		expect(squareName('centre', t('ko'))).toBe('가운데 정사각형');
		for (const c of cells) expect(cropName(c, t('ko'))).not.toMatch(/[A-Za-z]/);
		const ten = cropGroups(300, 451, 10).flatMap((g) => g.squares.flatMap((s) => s.cells));
		expect(ten.map((c) => cropName(c, t('ko')))).toContain('256, 가운데');
	});
});

describe('class names', () => {
	it('keep the first English synonym on the English page, and give the Korean name with the English beside it on the Korean page', () => {
		expect(className(285, 'Egyptian cat', 'en')).toBe('Egyptian cat');
		expect(className(281, 'tabby, tabby cat', 'en')).toBe('tabby');
		expect(englishBeside(285, 'Egyptian cat', 'en')).toBeNull();
		const ko = className(285, 'Egyptian cat', 'ko');
		expect(ko).toMatch(/[가-힣]/);
		expect(englishBeside(285, 'Egyptian cat', 'ko')).toBe('Egyptian cat');
	});
});

describe('notice params', () => {
	it('show errors and catalogue references in the reader’s edition, nested ones too', () => {
		const error = new LocalizedError('live.notImage.untyped', { name: 'x' });
		const params = { file: 'a.caffemodel', aux: { key: 'live.notice.importedAux', params: { heads: { key: 'live.notice.and', params: { a: 'loss1', b: 'loss2' } } } }, message: error };
		expect(translate('en', 'live.notice.imported', resolveParams(params, t('en')))).toBe(
			'Imported a.caffemodel in this browser, with the auxiliary heads loss1 and loss2.'
		);
		expect(translate('ko', 'live.notice.imported', resolveParams(params, t('ko')))).toBe('이 브라우저에서 a.caffemodel 파일을 가져왔다(보조 분류기 loss1, loss2 포함).');
		expect(resolveParams(params, t('ko')).message).toBe('x 파일은 그림이 아니다. PNG, JPEG, WebP, GIF 중 하나를 주어야 한다.');
		expect(resolveParams({ reason: new Error('plain'), n: 3 }, t('ko'))).toEqual({ reason: 'plain', n: 3 });
	});
});
