// The home page: the network at work before any model loads (the hero is computed at build time),
// three entry points and the paper, all links, at phone and desktop widths.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
/** The build made a hero when it had weights (the e2e build runs `cli hero` before vite's). */
const HERO = 'build/generated/hero/hero.json';
const HAS_HERO = existsSync(HERO);
const NO_HERO = HAS_HERO ? '' : ' (skipped: the build had no weights, so no hero; CI converts them first)';

describe('home page', () => {
	const browser = useBrowser();

	test.skipIf(!HAS_HERO)(`shows the photo's top 5 and each node's thumbnails with the weights' requests blocked${NO_HERO}`, async () => {
		const hero = JSON.parse(readFileSync(HERO, 'utf8')) as { top5: { label: string }[]; nodes: Record<string, unknown> };
		const { page, errors } = await openPage(browser());
		const models: string[] = [];
		await page.route('**/models/**', (route) => {
			models.push(route.request().url());
			return route.abort();
		});
		await page.goto(`${baseURL}/`);
		const top5 = page.getByTestId('hero-top5');
		await expect.poll(() => top5.locator('li').count()).toBe(5);
		const first = hero.top5[0]!.label.split(',')[0]!;
		expect(await top5.locator('li').first().textContent()).toContain(first);
		expect(await top5.locator('li').first().textContent()).toMatch(/\d+(\.\d+)?%/);
		// Thumbnails in the diagram's nodes: four per node that has a tap, the sprite loaded.
		const visible = page.locator('.strip:visible');
		expect(await visible.locator('[data-thumbs="4"]').count()).toBe(Object.keys(hero.nodes).length);
		expect(await visible.locator('[data-node="inception_3a"] .thumb').count()).toBe(4);
		const sprite = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/generated/hero/hero.png')));
		expect(sprite).toBe(true);
		expect(models).toEqual([]); // the page never asks for the weights
		expect(errors).toEqual([]);
	});

	test('shows a top 5 without JavaScript: it is in the prerendered HTML', async () => {
		const html = await (await fetch(`${baseURL}/`)).text();
		if (HAS_HERO) expect(html).toContain('data-testid="hero-top5"');
		else expect(html).toContain('npm run weights -- --from PATH');
		expect(html).toContain('data-node="inception_3a"');
	});

	test('every entry point and every "what you can do" item is a link to a page that exists', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/`);
		const entries = page.getByRole('navigation', { name: 'Start here' }).getByRole('link');
		expect(await entries.allTextContents()).toEqual([
			expect.stringContaining('Start reading'),
			expect.stringContaining('Explore the architecture'),
			expect.stringContaining('Try your own photo')
		]);
		const hrefs = await entries.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(hrefs.map((h) => new URL(h).pathname)).toEqual(['/chapters/introduction/', '/architecture/', '/live/']);
		const items = page.locator('section.more li');
		expect(await items.count()).toBe(4);
		for (const li of await items.all()) expect(await li.getByRole('link').count()).toBeGreaterThan(0);
		const more = await items.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of [...hrefs, ...more]) expect((await fetch(href)).status, href).toBe(200);
		// A node of the diagram opens on the architecture page.
		expect(await page.locator('.strip:visible [data-node="inception_3a"]').getAttribute('href')).toBe('/architecture/?layer=inception_3a');
	});

	test('links to the paper: arXiv 1409.4842 and the CVPR 2015 version', async () => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/`);
		expect(await page.locator('[data-paper="arxiv"]').getAttribute('href')).toBe('https://arxiv.org/abs/1409.4842');
		expect(await page.locator('[data-paper="cvpr"]').getAttribute('href')).toBe(
			'https://openaccess.thecvf.com/content_cvpr_2015/html/Szegedy_Going_Deeper_With_2015_CVPR_paper.html'
		);
	});

	for (const width of [360, 1280]) {
		test(`has no horizontal scroll at ${width}px and shows one placement of the diagram`, async () => {
			const { page } = await openPage(browser(), { width, height: 800 });
			await page.goto(`${baseURL}/`);
			await page.locator('[data-testid="hero"]').waitFor();
			const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
			expect(scroll).toBeLessThanOrEqual(client);
			expect(await page.locator('.strip:visible').count()).toBe(1);
			expect(await page.locator(width < 700 ? '.strip.narrow' : '.strip.wide').isVisible()).toBe(true);
		});
	}
});
