// Attribution for the top 5 on the live page, in headless Chromium: five overlays for chelsea,
// each labelled with its class as the top 5 names it; the randomization check of Adebayo et al.
// changes the map (the correlation shown is below 1); the worker's tensors do not leak.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBrowser, type WatchedPage } from './browser';
import { nextResult, openLive } from './live-page';

const browser = useBrowser();
let watched: WatchedPage;

const runsOf = async (page: Page) => Number(await page.getByTestId('attribution').getAttribute('data-runs'));

/** Clicks "Explain the top 5" and waits for the maps of that run. */
async function explain(page: Page, timeout = 240_000): Promise<void> {
	const before = await runsOf(page);
	await page.getByTestId('attribution-run').click();
	await page.waitForFunction(
		([n]) => Number(document.querySelector('[data-testid="attribution"]')?.getAttribute('data-runs')) > (n as number) || !!document.querySelector('[data-testid="attribution-error"]'),
		[before],
		{ timeout, polling: 250 }
	);
	expect(await page.getByTestId('attribution-error').allInnerTexts()).toEqual([]);
}

describe('attribution on the live page', () => {
	beforeAll(async () => {
		watched = await openLive(browser(), '?image=chelsea&backend=wasm');
		await nextResult(watched.page, 0, 120_000);
	}, 180_000);

	test('Grad-CAM: five overlays for chelsea, each labelled with its top-5 class', async () => {
		const { page, errors } = watched;
		const shortTop5 = await page.locator('[data-testid="top5-single"] li .label').allInnerTexts();
		expect(shortTop5).toHaveLength(5);
		expect(await page.getByTestId('attribution-caveat').innerText()).toMatch(/^Grad-CAM .*Coarse: 7×7 for this layer, upsampled to the photo\.$/);
		await explain(page);
		const maps = page.getByTestId('attribution-map');
		expect(await maps.count()).toBe(5);
		expect(await page.getByTestId('attribution-map-label').allInnerTexts()).toEqual(shortTop5);
		expect(await page.getByTestId('attribution-shown').innerText()).toMatch(/^Grad-CAM on inception_5b\/output/);
		// The overlays are drawn: each canvas is the 224 crop, and not all one colour.
		for (let i = 0; i < 5; i++) {
			const spread = await maps.nth(i).locator('canvas').evaluate((c: HTMLCanvasElement) => {
				const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
				let lo = 255;
				let hi = 0;
				for (let p = 0; p < d.length; p += 4) {
					lo = Math.min(lo, d[p]!);
					hi = Math.max(hi, d[p]!);
				}
				return { w: c.width, h: c.height, range: hi - lo };
			});
			expect(spread).toMatchObject({ w: 224, h: 224 });
			expect(spread.range).toBeGreaterThan(50);
		}
		expect(errors).toEqual([]);
	}, 300_000);

	test('the randomization check changes the map, and says so with its rank correlation', async () => {
		const { page, errors } = watched;
		const check = page.getByTestId('attribution-check');
		await check.getByTestId('attribution-check-from').selectOption('loss3/classifier');
		await check.getByTestId('attribution-check-run').click();
		const verdict = check.getByTestId('attribution-check-verdict');
		await verdict.waitFor({ timeout: 240_000 });
		const rho = Number(await check.getByTestId('attribution-check-rho').innerText());
		expect(rho).toBeLessThan(1);
		expect(await verdict.innerText()).toMatch(/^Spearman rank correlation between the two maps: -?\d\.\d\d \(1 would be the same ranking of pixels\)\. The map /);
		if (rho < 0.9) expect(await verdict.innerText()).toContain('The map changed');
		expect(await check.getByTestId('attribution-check-original-label').innerText()).toBe('trained weights');
		expect(await check.getByTestId('attribution-check-randomized-label').innerText()).toBe('randomized');
		expect(errors).toEqual([]);
	}, 300_000);

	test('saliency: five maps named with its own caveat', async () => {
		const { page, errors } = watched;
		await page.getByTestId('attribution-method').getByRole('radio', { name: 'Gradient saliency' }).check();
		expect(await page.getByTestId('attribution-caveat').innerText()).toMatch(/^Gradient saliency .*Noisy, and it shows sensitivity .*not importance\.$/);
		await explain(page);
		expect(await page.getByTestId('attribution-map').count()).toBe(5);
		expect(await page.getByTestId('attribution-shown').innerText()).toMatch(/^Gradient saliency, for each of the top 5/);
		expect(errors).toEqual([]);
	}, 300_000);

	test('the gradient worker’s tensors stay flat over 20 attribution runs', async () => {
		const { page, errors } = watched;
		await page.getByTestId('attribution-method').getByRole('radio', { name: 'Grad-CAM' }).check();
		await explain(page);
		const memory = () => page.evaluate(() => window.__inceptionGradients!.memory());
		const before = await memory();
		for (let i = 0; i < 20; i++) await explain(page);
		const after = await memory();
		expect(after.numTensors).toBe(before.numTensors);
		expect(after.numBytes).toBe(before.numBytes);
		expect(errors).toEqual([]);
		await page.close();
	}, 600_000);
});

declare global {
	interface Window {
		__inceptionGradients?: { memory(): Promise<{ numTensors: number; numBytes: number }> };
	}
}
