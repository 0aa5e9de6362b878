// What the live page's e2e files share: opening the page (optionally without weights), its
// debug hook, and waiting for a result.
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { openPage } from './browser';

const baseURL = inject('baseURL');

export interface Debug {
	memory(): { numTensors: number; numBytes: number };
	backend(): string | null;
	failNext(message?: string): void;
	runs(): number;
}
declare global {
	interface Window {
		__inceptionDebug?: Debug;
	}
}

/** /live/ at `query` in a fresh context; `noWeights` answers the model's manifest with a 404. */
export async function openLive(
	browser: Browser,
	query: string,
	options: { noWeights?: boolean; viewport?: { width: number; height: number } } = {}
) {
	const watched = await openPage(browser, options.viewport);
	if (options.noWeights)
		await watched.page.route('**/models/googlenet/*/model.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
	await watched.page.goto(`${baseURL}/live/${query}`);
	return watched;
}

export const runs = (page: Page) => page.evaluate(() => window.__inceptionDebug?.runs() ?? 0);
export const top1 = (page: Page, which = 'top5-single') => page.locator(`[data-testid="${which}"] li .label`).first().innerText();
export const inUse = (page: Page) => page.getByTestId('backend-in-use').innerText();

/** Waits until the page has finished `after` + 1 runs. */
export async function nextResult(page: Page, after: number, timeout = 60_000) {
	await page.waitForFunction((n) => (window.__inceptionDebug?.runs() ?? 0) > n, after, { timeout, polling: 100 });
}
