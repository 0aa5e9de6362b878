// Every page of the site through axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices), as
// a reader meets it once its widgets have drawn: the live page after a result with the feature
// maps and a channel open, the architecture page with a module open and a layer selected. Any
// violation fails, named by its rule, its impact and the element (selector and HTML).
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { CHAPTERS } from '../../notebooks/chapters';
import { axeViolations, builtPages, routePages, scrollThrough } from './axe';
import { useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Every page: what src/routes defines (chapters from notebooks/chapters.ts), as the build has it. */
const PAGES = routePages({ slug: CHAPTERS.map((c) => c.slug) });

interface PageState {
	/** Added to the page's address. */
	query: string;
	/** Says what state axe sees, in the test's name. */
	state: string;
	/** Brings the page into that state. */
	ready: (page: Page) => Promise<void>;
}

const runs = (page: Page) => page.evaluate(() => (window as { __inceptionDebug?: { runs(): number } }).__inceptionDebug?.runs() ?? 0);

/** Pages whose widgets need more than loading and scrolling; the rest are checked as they open. */
const STATES: Record<string, PageState> = {
	'/live/': {
		query: '?backend=wasm&layer=inception_3a/5x5',
		state: 'after a result, feature maps and a channel open',
		ready: async (page) => {
			await page.waitForFunction(() => ((window as { __inceptionDebug?: { runs(): number } }).__inceptionDebug?.runs() ?? 0) > 0, undefined, {
				timeout: 120_000,
				polling: 250
			});
			// The channel pictures are painted as they scroll into view.
			await page.locator('[data-testid="channel-grid"]').scrollIntoViewIfNeeded();
			await page.waitForFunction(() => Number(document.querySelector('[data-testid="channel-grid"]')?.getAttribute('data-drawn')) > 0);
			await page.locator('[data-testid="channel-grid"] [data-channel-button="3"]').click();
			await page.locator('[data-testid="channel-detail"][aria-label^="Channel 3 "]').waitFor();
			expect(await runs(page)).toBeGreaterThan(0);
		}
	},
	'/architecture/': {
		query: '?open=4c,loss2&layer=inception_4c/3x3',
		state: 'module and auxiliary head open, a layer selected',
		ready: async (page) => {
			await page.waitForSelector('[data-ready="true"]');
			await page.waitForSelector('svg.ribbons path');
			await page.locator('[data-testid="node-detail"][data-node="inception_4c/3x3"]').waitFor();
		}
	}
};

/** Both layouts of every page: a desktop and a phone screen. */
const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 360, height: 740 }
] as const;

describe('accessibility (axe-core)', () => {
	test('the pages checked are every page the build has', () => {
		expect(PAGES).toEqual(builtPages());
		expect(PAGES).toEqual(expect.arrayContaining(['/', '/table1/', '/architecture/', '/live/', '/chapters/']));
	});

	test.each(PAGES.map((path) => ({ path, state: STATES[path]?.state ?? 'as it opens' })))(
		'$path ($state), at 1280 and 360 px wide, has no violations',
		async ({ path }) => {
			// Reduced motion: nothing is caught halfway through a transition.
			const context = await browser().newContext({ viewport: VIEWPORTS[0], reducedMotion: 'reduce' });
			const page = await context.newPage();
			const special = STATES[path];
			await page.goto(`${baseURL}${path}${special?.query ?? ''}`, { waitUntil: 'networkidle' });
			if (path.startsWith('/chapters/') && path !== '/chapters/') await page.locator('article.chapter[data-hydrated]').waitFor();
			await special?.ready(page);
			const found: string[] = [];
			for (const viewport of VIEWPORTS) {
				await page.setViewportSize(viewport);
				await scrollThrough(page);
				found.push(...(await axeViolations(page)).map((v) => `[${path} at ${viewport.width}px] ${v}`));
			}
			expect(found, `axe-core on ${path}`).toEqual([]);
			await context.close();
		},
		180_000
	);
});
