// The chapters' widgets that run the real network (conv1's filters, channel correlations, the
// test-time crops), in headless Chromium on the WASM backend: each loads only when asked, shows
// its progress, answers its controls, and says how to add the weights when the site has none.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

async function openChapter(slug: string, options: { noWeights?: boolean } = {}) {
	const watched = await openPage(browser());
	if (options.noWeights)
		await watched.page.route('**/models/googlenet/*/model.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
	await watched.page.goto(`${baseURL}/chapters/${slug}/?backend=wasm`, { waitUntil: 'networkidle' });
	await watched.page.locator('article.chapter[data-hydrated]').waitFor();
	return watched;
}

const widget = (page: Page, id: string) => page.locator(`[data-widget="${id}"]`);
const top1 = (page: Page, id: string) => page.locator(`[data-testid="${id}"] li .label`).first().innerText();

describe('chapter 2: the real conv1 filters beside the Gabor bank', () => {
	test('load on demand, with progress, into 64 coloured 7x7 pictures', async () => {
		const { page, errors } = await openChapter('related-work');
		const w = widget(page, 'real-filters');
		// Nothing is downloaded until the reader asks.
		expect(await w.locator('canvas').count()).toBe(0);
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));
		// Comes after the Gabor bank, as the prose says.
		const order = await page.evaluate(() => {
			const all = [...document.querySelectorAll('[data-widget]')].map((e) => e.getAttribute('data-widget'));
			return all.indexOf('real-filters') - all.indexOf('gabor-bank');
		});
		expect(order).toBe(1);
		// Shards served slowly, so the progress can be seen.
		await page.route('**/models/googlenet/float16/*.bin', async (route) => {
			await new Promise((r) => setTimeout(r, 400));
			await route.continue();
		});
		await w.getByRole('button', { name: 'Load the real filters' }).click();
		await expect.poll(() => w.getByTestId('live-progress').count(), { timeout: 30_000 }).toBe(1);
		expect(await w.getByRole('button', { name: 'Load the real filters' }).isDisabled()).toBe(true);
		await expect.poll(() => w.locator('.gate .small').innerText(), { timeout: 30_000 }).toMatch(/[\d.]+ of [\d.]+ MB/);
		await w.getByTestId('conv1-filters').waitFor({ timeout: 90_000 });
		expect(requested.some((u) => /models\/googlenet\/float16\/model\.json/.test(u))).toBe(true);
		expect(await w.locator('[data-testid="conv1-filters"] canvas').count()).toBe(64);
		// Real weights: the pictures differ from each other and are not all grey.
		const stats = await w.locator('[data-testid="conv1-filters"] canvas').evaluateAll((canvases) =>
			canvases.map((c) => {
				const data = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 7, 7).data ?? new Uint8ClampedArray();
				let spread = 0;
				for (let i = 0; i < data.length; i += 4) spread += Math.abs((data[i] as number) - 128) + Math.abs((data[i + 2] as number) - 128);
				return `${(c as HTMLCanvasElement).width}x${(c as HTMLCanvasElement).height}:${data.slice(0, 12).join(',')}:${spread > 200}`;
			})
		);
		expect(stats.every((s) => s.startsWith('7x7:') && s.endsWith(':true'))).toBe(true);
		expect(new Set(stats).size).toBe(64);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	test('without weights: says how to add them, and the Gabor bank still works', async () => {
		const { page, errors } = await openChapter('related-work', { noWeights: true });
		const w = widget(page, 'real-filters');
		await w.getByRole('button', { name: 'Load the real filters' }).click();
		const missing = w.getByTestId('live-no-weights');
		await missing.waitFor({ timeout: 60_000 });
		expect(await missing.innerText()).toContain('npm run weights -- --from PATH');
		expect(await widget(page, 'gabor-bank').locator('canvas').count()).toBeGreaterThan(0);
		expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
		await page.close();
	}, 90_000);
});

describe('chapter 3: channels that fire together', () => {
	test('the correlation matrix over the sample photos, clustered, per layer', async () => {
		const { page, errors } = await openChapter('motivation');
		const w = widget(page, 'channel-correlation');
		expect(await w.locator('canvas').count()).toBe(0);
		await w.getByRole('button', { name: 'Run the real network on the sample photos' }).click();
		const matrix = w.getByTestId('correlation-matrix');
		await w.locator('[data-testid="correlation-matrix"][data-layer="inception_3a/output"]').waitFor({ timeout: 120_000 });
		expect(await matrix.getAttribute('data-channels')).toBe('256');
		expect(await matrix.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])).toEqual([256, 256]);
		// Beside it, the shuffled control, labelled, and clustered it finds far less than the real matrix.
		const control = w.getByTestId('correlation-control');
		expect(await control.getAttribute('data-channels')).toBe('256');
		expect(await w.locator('figure', { has: page.getByTestId('correlation-control') }).innerText()).toContain('Shuffled control');
		const controlR = Number((await w.getByTestId('correlation-control-readout').innerText()).match(/r = (-?\d\.\d\d)/)?.[1]);
		const readout = w.getByTestId('correlation-readout');
		// Clustered, neighbours correlate more than in the network's own order.
		const rs = async () => [...(await readout.innerText()).matchAll(/r = (-?\d\.\d\d)/g)].map((m) => Number(m[1]));
		const [clustered, original] = await rs();
		expect(clustered).toBeGreaterThan((original as number) + 0.1);
		expect(clustered).toBeGreaterThan(controlR + 0.1);
		expect(await control.evaluate((c) => (c as HTMLCanvasElement).toDataURL())).not.toBe(await matrix.evaluate((c) => (c as HTMLCanvasElement).toDataURL()));
		const pixels = () => matrix.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
		const before = await pixels();
		await w.getByRole('radio', { name: 'as in the network' }).check();
		await expect.poll(() => matrix.getAttribute('data-order')).toBe('original');
		expect(await pixels()).not.toBe(before);
		expect((await rs())[0]).toBe(original);
		// Another layer: a matrix of its own size.
		await w.getByRole('radio', { name: 'conv2/3x3' }).check();
		await w.locator('[data-testid="correlation-matrix"][data-layer="conv2/3x3"]').waitFor({ timeout: 120_000 });
		expect(await matrix.getAttribute('data-channels')).toBe('192');
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);
});

describe('chapter 7: one crop against many', () => {
	test('the single crop beside the 10-crop average, with progress; 144 crops offered', async () => {
		const { page, errors } = await openChapter('classification');
		const w = widget(page, 'crop-average');
		// The 10 crops can finish within a second now: note the progress line the moment it shows.
		await page.evaluate(() => {
			const seen = new MutationObserver(() => {
				if (!document.querySelector('[data-widget="crop-average"] [data-testid="crops-progress"]')) return;
				(window as { sawProgress?: boolean }).sawProgress = true;
				seen.disconnect();
			});
			seen.observe(document.body, { childList: true, subtree: true });
		});
		await w.getByRole('button', { name: 'Load the network' }).click();
		await w.getByTestId('crops-single').waitFor({ timeout: 120_000 });
		expect(await top1(page, 'crops-single')).toBe('Egyptian cat');
		await w.getByTestId('crops-averaged').waitFor({ timeout: 120_000 });
		expect(await page.evaluate(() => (window as { sawProgress?: boolean }).sawProgress)).toBe(true);
		expect(await w.locator('[data-testid="crops-averaged"] figcaption').innerText()).toBe('10 crops, averaged');
		expect(await w.locator('[data-testid="crops-averaged"] li').count()).toBe(5);
		expect(await w.locator('[data-testid="crops-single"] li').count()).toBe(5);
		// 144 crops start with progress (too slow to wait for here); back to 10 cancels them.
		await w.getByRole('radio', { name: '144 crops' }).check();
		await expect.poll(() => w.getByTestId('crops-progress').innerText(), { timeout: 30_000 }).toMatch(/^\d+ of 144 crops/);
		expect(await w.getByTestId('crops-averaged').count()).toBe(0);
		await w.getByRole('radio', { name: '10 crops' }).check();
		await w.getByTestId('crops-averaged').waitFor({ timeout: 120_000 });
		expect(await w.locator('[data-testid="crops-averaged"] figcaption').innerText()).toBe('10 crops, averaged');
		// Another photo: both columns follow.
		await w.getByTestId('crop-sample').selectOption('coffee.png');
		await expect.poll(() => top1(page, 'crops-single'), { timeout: 60_000 }).toBe('espresso');
		await w.getByTestId('crops-averaged').waitFor({ timeout: 120_000 });
		expect(await top1(page, 'crops-averaged')).toBe('espresso');
		// The reader's own image.
		await w.locator('input[type="file"]').setInputFiles('static/samples/chelsea.png');
		await expect.poll(() => top1(page, 'crops-single'), { timeout: 60_000 }).toBe('Egyptian cat');
		expect(await w.getByTestId('crop-sample').inputValue()).toBe('');
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);
});
