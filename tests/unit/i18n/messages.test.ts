// Both editions' interface text: every key in both languages, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '$lib/i18n/catalogue-check';
import { CATALOGUES, translate } from '$lib/i18n/translate';
import { EN_AREAS } from '$lib/i18n/messages/en';
import { LocalizedError, errorText } from '$lib/i18n/localized-error';
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

	it('are made of areas whose keys do not collide (a later area would silently replace an earlier one’s message)', () => {
		const keys = EN_AREAS.flatMap((area) => Object.keys(area));
		expect(keys.length).toBe(new Set(keys).size);
		expect(keys.length).toBe(Object.keys(CATALOGUES.en).length);
	});

	it('an error raised with a key reads in English in the CLI and in the reader’s edition on the page', () => {
		const err = new LocalizedError('error.status', { status: 404 });
		expect(err.message).toBe('status 404');
		expect(errorText(err, (k, p) => translate('ko', k, p))).toBe('상태 404');
		// Across postMessage an error arrives as a plain object: its key still travels.
		expect(errorText({ message: 'status 404', key: 'error.status', params: { status: 404 } }, (k, p) => translate('ko', k, p))).toBe('상태 404');
		expect(errorText(new Error('plain'), (k, p) => translate('ko', k, p))).toBe('plain');
		expect(errorText('text', (k, p) => translate('ko', k, p))).toBe('text');
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
