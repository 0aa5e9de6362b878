// The site chrome as a reader meets it: home page, nav to every section, no errors, narrow screens.
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('site chrome', () => {
	test('home page shows the product name and the main nav', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/`);
		await expect(page.title()).resolves.toContain('Going Deeper');
		const heading = page.getByRole('heading', { level: 1 });
		expect(await heading.textContent()).toContain('Going Deeper, Interactively');
		const nav = page.getByRole('navigation', { name: 'Main' });
		expect(await nav.getByRole('link').allTextContents()).toEqual(['Home', 'Table 1', 'Architecture', 'Live', 'Chapters']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test.each([
		{ link: 'Table 1', from: '/', path: '/table1/', heading: /Table 1/ },
		{ link: 'Chapters', from: '/', path: '/chapters/', heading: /Chapters/ },
		{ link: 'Home', from: '/chapters/', path: '/', heading: /Going Deeper/ }
	])('nav link "$link" opens $path', async ({ link, from, path, heading }) => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}${from}`);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
		await page.waitForURL(`${baseURL}${path}`);
		const h1 = page.getByRole('heading', { level: 1 });
		expect(await h1.textContent()).toMatch(heading);
		expect(
			await page
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: link })
				.getAttribute('aria-current')
		).toBe('page');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a direct visit without the trailing slash still renders the page', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/table1`);
		expect(new URL(page.url()).pathname).toBe('/table1/');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Table 1/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test.each(['/', '/table1/', '/chapters/'])(
		'%s has no horizontal overflow at 360px wide',
		async (path) => {
			const { page, errors } = await openPage(browser(), { width: 360, height: 740 });
			await page.goto(`${baseURL}${path}`);
			const { scrollWidth, clientWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth
			}));
			expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
			expect(errors).toEqual([]);
			await page.close();
		}
	);

	test('keyboard focus is visible, starting with a skip link', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/`);
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
		});
		expect(focused.text).toBe('Skip to content');
		expect(focused.outline).not.toBe('none');
		expect(focused.top).toBeGreaterThanOrEqual(0); // on screen once focused
		await page.close();
	});

	test('the page is cross-origin isolated (needed for threaded WASM)', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/`);
		expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
		await page.close();
	});
});
