// The site's two editions and their addresses: English at /..., Korean at /ko/... (the same page
// files serve both; src/hooks.ts reroutes /ko/... to them). Plain functions, no DOM, no SvelteKit.

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tags for <html lang> and hreflang. */
export const LANG_TAG: Record<Locale, string> = { en: 'en', ko: 'ko' };

/** The prefix of the Korean edition's addresses (without the trailing slash). */
const KO_PREFIX = '/ko';

/** The edition an address belongs to: "/ko/…" is Korean, anything else English. */
export function localeFromPath(pathname: string): Locale {
	return pathname === KO_PREFIX || pathname.startsWith(`${KO_PREFIX}/`) ? 'ko' : 'en';
}

/** The address without its edition's prefix: "/ko/table1/" -> "/table1/", "/ko" -> "/". */
export function stripLocale(pathname: string): string {
	if (localeFromPath(pathname) === 'en') return pathname;
	const rest = pathname.slice(KO_PREFIX.length);
	return rest === '' ? '/' : rest;
}

/** The same page in `locale`'s edition: ("/table1/", "ko") -> "/ko/table1/", ("/ko/", "en") -> "/". */
export function localizePath(pathname: string, locale: Locale): string {
	const bare = stripLocale(pathname);
	return locale === 'en' ? bare : `${KO_PREFIX}${bare}`;
}

/** True for a value that names one of the editions. */
export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** The first edition a browser's language list prefers, if any: ["ko-KR", "en"] -> "ko". */
export function preferredLocale(languages: readonly string[]): Locale | undefined {
	for (const tag of languages) {
		const base = tag.toLowerCase().split('-')[0];
		if (isLocale(base)) return base;
	}
	return undefined;
}

/** localStorage key: set once the Korean edition has been offered (components/chrome/LanguageOffer). */
export const OFFERED_KEY = 'going-deeper:ko-offered';
