// The test browser (see scripts/chromium.mjs) plus per-page console error capture.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';

export const launchBrowser = launchChromium;

/** One Chromium for the test file that calls this: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('the test browser did not start');
		return browser;
	};
}

export interface WatchedPage {
	page: Page;
	/** Console errors and uncaught exceptions seen so far, in order. */
	errors: string[];
}

/** Opens a page in a fresh context (own cache and storage) and collects its errors. */
export async function openPage(
	browser: Browser,
	viewport: { width: number; height: number } = { width: 1280, height: 800 }
): Promise<WatchedPage> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	// The context may already be gone with the browser; closing it twice is harmless.
	page.on('close', () => void context.close().catch(() => {}));
	return { page, errors };
}
