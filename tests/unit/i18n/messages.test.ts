// Both editions' interface text: every key in both languages, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '$lib/i18n/catalogue-check';
import { CATALOGUES, translate } from '$lib/i18n/translate';
import { localeFromPath, localizePath, preferredLocale, stripLocale } from '$lib/i18n/locale';

describe('message catalogues', () => {
	it('have the same keys and placeholders in English and Korean', () => {
		expect(Object.keys(CATALOGUES.en).length).toBeGreaterThan(20);
		expect(catalogueProblems(CATALOGUES)).toEqual([]);
	});

	it('a key in one language only, an empty message or a lost placeholder is caught', () => {
		const en = { a: 'One', b: '{n} of {total}', c: 'Three' };
		const ko = { a: '하나', b: '{total}개 중 {n}', d: '넷' };
		expect(catalogueProblems({ en, ko })).toEqual(['c: only in en', 'd: only in ko']);
		expect(catalogueProblems({ en: { b: '{n} of {total}' }, ko: { b: '{n}개' } })).toEqual(['b: placeholders differ (en {n,total} ko {n})']);
		expect(catalogueProblems({ en: { a: 'One' }, ko: { a: ' ' } })).toEqual(['a: empty in ko']);
	});

	it('fills placeholders', () => {
		expect(translate('en', 'error.status', { status: 404 })).toBe('status 404');
		expect(translate('ko', 'error.status', { status: 404 })).toBe('상태 404');
	});
});

describe('edition addresses', () => {
	it('maps each page to its edition and back', () => {
		expect(localeFromPath('/ko/table1/')).toBe('ko');
		expect(localeFromPath('/ko')).toBe('ko');
		expect(localeFromPath('/kopf/')).toBe('en');
		expect(stripLocale('/ko/')).toBe('/');
		expect(localizePath('/chapters/motivation/', 'ko')).toBe('/ko/chapters/motivation/');
		expect(localizePath('/ko/live/', 'en')).toBe('/live/');
		expect(localizePath('/ko/live/', 'ko')).toBe('/ko/live/');
	});

	it('reads the browser’s preference', () => {
		expect(preferredLocale(['ko-KR', 'en-US'])).toBe('ko');
		expect(preferredLocale(['en-GB', 'ko'])).toBe('en');
		expect(preferredLocale(['fr'])).toBeUndefined();
	});
});
