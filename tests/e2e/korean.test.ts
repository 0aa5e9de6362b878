// The Korean edition (/ko/…), each page once, cheaply: at 1280 and 360 px no page errors, no
// page-level sideways scroll, <html lang="ko">, and no interface text from the English catalogue
// left (a message shared verbatim by both catalogues, like "GoogLeNet", is exempt by being equal).
// Then the language switch round-trips with the page's state, and a Korean-preferring browser is
// offered the Korean edition once. The English pages' own checks (a11y, phones) stay theirs.
import { describe, expect, inject, test } from 'vitest';
import { CATALOGUES } from '../../src/lib/i18n/translate';
import { localizePath } from '../../src/lib/i18n/locale';
import { axeViolations, builtPages } from './axe';
import { openPage, useBrowser } from './browser';
import { PAGES } from './site-pages';

const baseURL = inject('baseURL');
const browser = useBrowser();

const KO_PAGES = PAGES.map((p) => localizePath(p, 'ko'));
/** Pages whose main content is another session's to translate (components/live, components/diagram): only the chrome is checked there. */
const CHROME_ONLY = new Set(['/ko/live/', '/ko/architecture/']);

/** English messages a Korean page must not show: whole, and their long fixed parts (placeholders cut out). */
const english = Object.entries(CATALOGUES.en).filter(([key, en]) => en !== CATALOGUES.ko[key as keyof typeof CATALOGUES.ko]);
const WHOLE = english.map(([, en]) => en).filter((en) => !/\{\w+\}/.test(en) && /[A-Za-z]{2}/.test(en));
const PARTS = english.flatMap(([, en]) => en.split(/\{\w+\}/).map((p) => p.trim())).filter((p) => p.length >= 16);

interface Findings {
	scroll: string | null;
	english: string[];
	lang: string;
}

/** What a Korean page shows that it should not, in `scope` (the page, or its chrome only). */
function inspect(args: { whole: string[]; parts: string[]; chromeOnly: boolean }): Findings {
	const root = document.documentElement;
	const scopes: Element[] = args.chromeOnly
		? [...document.querySelectorAll('header, footer, .skip-link')]
		: [document.body];
	// An English chapter shown while its translation is missing says so, and is not counted. In a
	// chapter's own prose an English word may stand in parentheses or italics by design (the
	// glossary's first use: 가중치(weights)), so there whole-message matches count in widgets only.
	const skip = (el: Element | null) =>
		!!el?.closest('article[lang="en"], [hidden]') || (!!el?.closest('article.chapter') && !el?.closest('.widget'));
	const found = new Set<string>();
	const whole = new Set(args.whole);
	for (const scope of scopes) {
		const walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
		for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
			if (n.nodeType === Node.TEXT_NODE) {
				const text = n.textContent?.trim() ?? '';
				if (text && whole.has(text) && !skip(n.parentElement)) found.add(text);
			} else {
				const el = n as Element;
				if (skip(el)) continue;
				for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
					const v = el.getAttribute(attr)?.trim();
					if (v && whole.has(v)) found.add(`${attr}="${v}"`);
				}
			}
		}
		const clone = scope.cloneNode(true) as HTMLElement;
		for (const el of clone.querySelectorAll('article[lang="en"], [hidden], script, style')) el.remove();
		// A chapter's prose may hold English terms in parentheses: only its widgets are read.
		for (const chapter of clone.querySelectorAll('article.chapter')) chapter.replaceChildren(...chapter.querySelectorAll('.widget'));
		const text = (clone.textContent ?? '').replace(/\s+/g, ' ');
		for (const part of args.parts) if (text.includes(part)) found.add(part);
	}
	return {
		scroll: root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : null,
		english: [...found],
		lang: root.lang
	};
}

describe('the Korean edition', () => {
	test('has a /ko/ page beside every page, and nothing else', () => {
		expect([...PAGES, ...KO_PAGES].sort()).toEqual(builtPages());
	});

	test.each(KO_PAGES)(
		'%s: at 1280 and 360 px, no errors, no sideways scroll, no English interface text; axe at 360 px',
		async (path) => {
			const { page, errors } = await openPage(browser(), { width: 1280, height: 800 });
			await page.goto(`${baseURL}${path}`, { waitUntil: 'networkidle' });
			if (path.includes('/chapters/') && path !== '/ko/chapters/') await page.locator('article.chapter[data-hydrated]').waitFor();
			const args = { whole: WHOLE, parts: PARTS, chromeOnly: CHROME_ONLY.has(path) };
			const wide = await page.evaluate(inspect, args);
			await page.setViewportSize({ width: 360, height: 740 });
			await page.waitForTimeout(100);
			const narrow = await page.evaluate(inspect, args);
			// Accessibility once per Korean page, on the phone layout (the English pages get both in a11y.test.ts).
			const axe = await axeViolations(page);
			expect({ axe, lang: wide.lang, scroll: [wide.scroll, narrow.scroll], english: [...new Set([...wide.english, ...narrow.english])], errors }).toEqual({
				axe: [],
				lang: 'ko',
				scroll: [null, null],
				english: [],
				errors: []
			});
			await page.close();
		},
		120_000
	);

	test('the check finds the English catalogue on an English page (it would catch a string left over)', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/table1/`, { waitUntil: 'networkidle' });
		const found = await page.evaluate(inspect, { whole: WHOLE, parts: PARTS, chromeOnly: false });
		expect(found.lang).toBe('en');
		expect(found.english).toEqual(expect.arrayContaining(['Reset to the paper', 'Skip to content', 'aria-label="Main"']));
		await page.close();
	});

	test('names both editions as alternates, and the switch keeps the page and its query both ways', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/ko/table1/?convention=run`, { waitUntil: 'networkidle' });
		const alternates = await page.locator('link[rel="alternate"]').evaluateAll((links) =>
			links.map((l) => `${l.getAttribute('hreflang')} ${new URL((l as HTMLLinkElement).href).pathname}`)
		);
		expect(alternates).toEqual(['en /table1/', 'ko /ko/table1/', 'x-default /table1/']);
		expect(await page.getByRole('radio', { name: '실행 방식' }).isChecked()).toBe(true);
		// State the reader set after the page opened travels too.
		await page.getByRole('radio', { name: '단순형 (2a)' }).check();
		await expect.poll(() => page.url()).toContain('naive');
		// Wait for the other edition's page by its path: a pattern that the current address also
		// matches would return before the click has navigated.
		const onPath = (path: string) => (url: URL) => url.pathname === path;
		await page.getByTestId('language-switch').click();
		await page.waitForURL(onPath('/table1/'));
		expect(new URL(page.url()).searchParams.get('convention')).toBe('run');
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
		await expect.poll(() => page.getByRole('radio', { name: 'naive (2a)' }).isChecked()).toBe(true);
		const query = new URL(page.url()).search;
		await page.getByTestId('language-switch').click();
		await page.waitForURL(onPath('/ko/table1/'));
		expect(new URL(page.url()).search).toBe(query);
		await expect.poll(() => page.getByRole('radio', { name: '단순형 (2a)' }).isChecked()).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('an unknown /ko/ address gets the 404 page in Korean', async () => {
		const { page } = await openPage(browser());
		const response = await page.goto(`${baseURL}/ko/no-such-page/`);
		expect(response?.status()).toBe(404);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(CATALOGUES.ko['error.notFound']);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
		await page.close();
	});

	test('a browser that prefers Korean is offered the Korean edition once; others are not', async () => {
		const korean = await browser().newContext({ locale: 'ko-KR' });
		const page = await korean.newPage();
		await page.goto(`${baseURL}/table1/`, { waitUntil: 'networkidle' });
		const offer = page.getByTestId('language-offer');
		await offer.waitFor();
		expect(await offer.getByRole('link').getAttribute('href')).toMatch(/ko\/table1\/$/);
		await offer.getByRole('button').click();
		expect(await offer.count()).toBe(0);
		expect(page.url()).toBe(`${baseURL}/table1/`); // no redirect
		await page.goto(`${baseURL}/chapters/`, { waitUntil: 'networkidle' });
		await page.waitForTimeout(200);
		expect(await page.getByTestId('language-offer').count()).toBe(0);
		await korean.close();

		const other = await browser().newContext({ locale: 'en-GB' });
		const page2 = await other.newPage();
		await page2.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
		await page2.waitForTimeout(200);
		expect(await page2.getByTestId('language-offer').count()).toBe(0);
		await other.close();
	});
});
