// The Korean edition (/ko/…), each whole page once, cheaply: at 1280 and 360 px no page errors,
// no page-level sideways scroll, <html lang="ko">, and no English interface text left, found two
// ways (korean-inspect.ts): a string of the English catalogue (a message shared verbatim by both
// catalogues, like "GoogLeNet", is exempt by being equal), or three Latin-letter words in a row
// outside English marked lang="en", code and chapter prose. /ko/live/ and /ko/architecture/ are
// checked with a result, feature maps and a selection open.
// Then the language switch round-trips with the page's state, and a Korean-preferring browser is
// offered the Korean edition once. The English pages' own checks (a11y, phones) stay theirs.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { CATALOGUES } from '../../src/lib/i18n/translate';
import { localizePath } from '../../src/lib/i18n/locale';
import { axeViolations, builtPages } from './axe';
import { openPage, useBrowser } from './browser';
import { describeFindings, inspect } from './korean-inspect';
import { ENGLISH_MESSAGES } from './english-messages';
import { PAGES } from './site-pages';

const baseURL = inject('baseURL');
const browser = useBrowser();

const KO_PAGES = PAGES.map((p) => localizePath(p, 'ko'));

/**
 * Pages checked in the state that shows most of their interface, by their owners' test ids (see
 * live-page.ts, architecture-page.ts): the rest are checked as they open.
 */
const STATES: Record<string, { query: string; ready: (page: Page) => Promise<void> }> = {
	// A result shown, a layer's feature maps drawn, a channel selected.
	'/ko/live/': {
		query: '?backend=wasm&layer=inception_3a/5x5',
		ready: async (page) => {
			await page.waitForFunction(() => ((window as { __inceptionDebug?: { runs(): number } }).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 120_000, polling: 250 });
			await page.getByTestId('top5-single').locator('li').first().waitFor();
			const grid = page.getByTestId('channel-grid');
			await grid.scrollIntoViewIfNeeded();
			await page.waitForFunction(() => Number(document.querySelector('[data-testid="channel-grid"]')?.getAttribute('data-drawn')) > 0);
			await grid.locator('[data-channel-button="3"]').click();
			await page.getByTestId('channel-detail').waitFor();
		}
	},
	// Activations on (the default with weights), a module and a head open, a node selected.
	'/ko/architecture/': {
		query: '?open=4c,loss2&layer=inception_4c/3x3&backend=wasm',
		ready: async (page) => {
			await page.waitForSelector('[data-ready="true"]');
			await page.waitForSelector('svg.ribbons path');
			await page.locator('[data-testid="node-detail"][data-node="inception_4c/3x3"]').waitFor();
			await page.locator('.thumbs .thumb').first().waitFor({ timeout: 120_000 });
			await page.getByTestId('node-activations').getByTestId('channel-grid').waitFor();
		}
	}
};

describe('the Korean edition', () => {
	test('has a /ko/ page beside every page, and nothing else', () => {
		expect([...PAGES, ...KO_PAGES].sort()).toEqual(builtPages());
	});

	test.each(KO_PAGES)(
		'%s: at 1280 and 360 px, no errors, no sideways scroll, no English interface text; axe at 360 px',
		async (path) => {
			const { page, errors } = await openPage(browser(), { width: 1280, height: 800 });
			const state = STATES[path];
			await page.goto(`${baseURL}${path}${state?.query ?? ''}`, { waitUntil: 'networkidle' });
			if (path.includes('/chapters/') && path !== '/ko/chapters/') await page.locator('article.chapter[data-hydrated]').waitFor();
			await state?.ready(page);
			const wide = await page.evaluate(inspect, ENGLISH_MESSAGES);
			await page.setViewportSize({ width: 360, height: 740 });
			await page.waitForTimeout(100);
			const narrow = await page.evaluate(inspect, ENGLISH_MESSAGES);
			// Accessibility once per Korean page, on the phone layout (the English pages get both in a11y.test.ts).
			const axe = await axeViolations(page);
			// One line per string left, naming the page, the width, the detector and where it sits.
			const seen = new Set(wide.english.map((f) => `${f.kind}|${f.text}`));
			const english = [
				...describeFindings(path, 1280, wide.english),
				...describeFindings(
					path,
					360,
					narrow.english.filter((f) => !seen.has(`${f.kind}|${f.text}`))
				)
			];
			expect({ axe, lang: wide.lang, scroll: [wide.scroll, narrow.scroll], english, errors }).toEqual({
				axe: [],
				lang: 'ko',
				scroll: [null, null],
				english: [],
				errors: []
			});
			await page.close();
		},
		180_000
	);

	test('each detector finds English on an English page (it would catch a string left over)', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/table1/`, { waitUntil: 'networkidle' });
		const found = await page.evaluate(inspect, ENGLISH_MESSAGES);
		expect(found.lang).toBe('en');
		const of = (kind: string) => found.english.filter((f) => f.kind === kind).map((f) => f.text);
		expect(of('catalogue')).toEqual(expect.arrayContaining(['Reset to the paper', 'Skip to content', 'aria-label="Main"']));
		// Three or more English words in a row, whether or not a catalogue holds them.
		expect(of('run')).toEqual(expect.arrayContaining(['Reset to the paper', 'Skip to content']));
		await page.close();
	});

	test('the run detector: English marked lang="en", code and formulas are exempt; chapter prose counts only in its widgets', async () => {
		const { page } = await openPage(browser());
		await page.setContent(`<html lang="ko"><body>
			<p>논문 <span lang="en">Going Deeper with Convolutions</span>, <code>npm run build now</code>, <kbd>Ctrl and Shift</kbd></p>
			<p>inception_4c/output, WebGPU, WebGL, WASM, top-5 오류율 6.67%</p>
			<p>제목 Going Deeper with Convolutions</p>
			<button aria-label="Open the menu">메뉴</button>
			<img alt="A tabby cat" src="data:,">
			<article class="chapter"><p>가중치(the weights of it)</p><figure class="widget" data-widget="demo"><p>Load the network</p></figure></article>
		</body></html>`);
		const found = await page.evaluate(inspect, { whole: [], parts: [] });
		expect(found.english.map((f) => f.text).sort()).toEqual(
			['Going Deeper with Convolutions', 'Load the network', 'alt="A tabby cat"', 'aria-label="Open the menu"'].sort()
		);
		expect(found.english.find((f) => f.text === 'Load the network')?.where).toBe('p in figure[data-widget="demo"]');
		await page.close();
	});

	test('Korean typesetting in a chapter: a number keeps its particle, no fake italics, the quote is its own toggle', async () => {
		const { page, errors } = await openPage(browser(), { width: 360, height: 740 });
		await page.goto(`${baseURL}/ko/chapters/introduction/`, { waitUntil: 'networkidle' });
		await page.locator('article.chapter[data-hydrated]').waitFor();
		const typeset = await page.evaluate(() => {
			const article = document.querySelector('article.chapter')!;
			// Each number followed by Hangul, set alone in a 1 px column: every break the browser
			// allows is taken, so the Hangul stays on the number's line only if none is allowed.
			const split: string[] = [];
			let checked = 0;
			for (const num of article.querySelectorAll('.num')) {
				let next = num.nextSibling;
				while (next?.nodeType === Node.COMMENT_NODE) next = next.nextSibling; // Svelte's markers
				const word = next?.nodeType === Node.TEXT_NODE ? (next.textContent ?? '').match(/^[가-힣]+/)?.[0] : undefined;
				if (!word) continue;
				checked += 1;
				const column = document.createElement('p');
				column.style.width = '1px';
				column.style.overflowWrap = 'normal'; // only the line-breaking rules' opportunities, no emergency breaks
				const copy = num.cloneNode(true);
				const after = document.createTextNode(word);
				column.append(copy, after);
				article.append(column);
				const range = document.createRange();
				range.selectNodeContents(after);
				const numbers = document.createRange();
				numbers.selectNodeContents(copy);
				// On another line: wholly below the number's last line box (fonts' boxes differ in height).
				if (range.getClientRects()[0].top >= [...numbers.getClientRects()].at(-1)!.bottom - 1) split.push(`${num.textContent}|${word}`);
				column.remove();
			}
			const em = article.querySelector('p em');
			return { checked, split, em: em ? getComputedStyle(em).fontStyle : null };
		});
		expect(typeset.checked).toBeGreaterThan(0);
		expect(typeset).toMatchObject({ split: [], em: 'normal' });

		// The quote is the button: what follows its closing mark is the sentence, not a toggle's label.
		const quote = page.locator('.paper-quote [role="button"]').first();
		expect(await quote.getAttribute('aria-expanded')).toBe('false');
		const original = page.locator('.paper-quote q[lang="en"]').first();
		expect(await original.isVisible()).toBe(false);
		await quote.focus();
		await page.keyboard.press('Enter');
		expect(await quote.getAttribute('aria-expanded')).toBe('true');
		expect(await original.isVisible()).toBe(true);
		expect(await original.innerText()).toMatch(/^[A-Za-z]/);
		await page.keyboard.press(' ');
		expect(await original.isVisible()).toBe(false);
		expect(errors).toEqual([]);
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
