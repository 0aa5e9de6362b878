// Every page of the site, and how to bring each into the state a reader checks it in: after its
// widgets have drawn; the live page after a result with a channel open; the architecture page
// with a module and a head open and a layer selected; the chapters' live widgets loaded and run.
// Shared by the accessibility checks.
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHAPTERS } from '../../notebooks/chapters';
import { routePages } from './axe';

const baseURL = inject('baseURL');

/** Every page: what src/routes defines, the chapters from notebooks/chapters.ts. */
export const PAGES = routePages({ slug: CHAPTERS.map((c) => c.slug) });

interface PageState {
	/** Added to the page's address. */
	query: string;
	/** What state the page is checked in, for the tests' names. */
	state: string;
	/** Brings the page into that state. */
	ready: (page: Page) => Promise<void>;
}

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
		}
	},
	'/architecture/': {
		query: '?open=4c,loss2&layer=inception_4c/3x3',
		state: 'a module and a head open, a layer selected',
		ready: async (page) => {
			await page.waitForSelector('[data-ready="true"]');
			await page.waitForSelector('svg.ribbons path');
			await page.locator('[data-testid="node-detail"][data-node="inception_4c/3x3"]').waitFor();
		}
	}
};

/** A chapter whose widgets run the real network: each is loaded (the reader's click) and drawn. */
function liveChapter(state: string, widgets: readonly { button: string; drawn: string }[]): PageState {
	return {
		query: '?backend=wasm',
		state,
		ready: async (page) => {
			for (const { button, drawn } of widgets) {
				await page.getByRole('button', { name: button }).click();
				await page.locator(drawn).first().waitFor({ timeout: 150_000 });
			}
		}
	};
}
STATES['/chapters/related-work/'] = liveChapter('the real filters loaded', [
	{ button: 'Load the real filters', drawn: '[data-testid="conv1-filters"]' }
]);
STATES['/chapters/motivation/'] = liveChapter('the correlation matrix computed', [
	{ button: 'Run the real network on the sample photos', drawn: '[data-testid="correlation-matrix"][data-layer]' }
]);
STATES['/chapters/classification/'] = liveChapter('one crop and 10 crops classified', [
	{ button: 'Load the network', drawn: '[data-testid="crops-averaged"]' }
]);

export const stateOf = (path: string): string => STATES[path]?.state ?? 'as it opens';

/**
 * Opens `path` in a fresh context, reduced motion (nothing is caught halfway through a
 * transition), and brings it into its state. Close it with `page.context().close()`.
 */
export async function openReady(browser: Browser, path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
	const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
	const page = await context.newPage();
	const special = STATES[path];
	await page.goto(`${baseURL}${path}${special?.query ?? ''}`, { waitUntil: 'networkidle' });
	if (path.startsWith('/chapters/') && path !== '/chapters/') await page.locator('article.chapter[data-hydrated]').waitFor();
	await special?.ready(page);
	return page;
}
