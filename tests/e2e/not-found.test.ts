// An unknown address gets a page of the site (header, nav, links home) with status 404, not a
// plain-text "Not found".
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('an unknown address', () => {
	test.each(['/no-such-page/', '/chapters/no-such-chapter/', '/table2'])('%s is answered by the site’s 404 page', async (path) => {
		const { page } = await openPage(browser());
		const response = await page.goto(`${baseURL}${path}`);
		expect(response?.status()).toBe(404);
		expect(response?.headers()['content-type']).toContain('text/html');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
		expect(await page.getByTestId('error-page').innerText()).toContain(new URL(`${baseURL}${path}`).pathname);
		const nav = page.getByRole('navigation', { name: 'Main' });
		expect(await nav.getByRole('link').allTextContents()).toEqual(['Home', 'Table 1', 'Architecture', 'Live', 'Chapters']);
		await page.getByRole('link', { name: 'Go to the home page' }).click();
		await page.waitForURL(`${baseURL}/`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Going Deeper');
		await page.close();
	});
});
