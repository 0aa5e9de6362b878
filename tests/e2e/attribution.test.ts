// Attribution for the top 5 on the live page, in headless Chromium: five overlays for chelsea,
// each labelled with its class as the top 5 names it; the randomization check of Adebayo et al.
// changes the map (the correlation shown is below 1); the worker's tensors do not leak.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
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
		expect(await axeViolations(page)).toEqual([]);
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

	/** Runs the randomization check from `from`; returns the verdict's text and its correlation (null: none stated). */
	async function check(page: Page, from: string): Promise<{ text: string; rho: number | null }> {
		const box = page.getByTestId('attribution-check');
		await box.getByTestId('attribution-check-from').selectOption(from);
		await box.getByTestId('attribution-check-run').click();
		const verdict = box.getByTestId('attribution-check-verdict');
		await verdict.waitFor({ timeout: 240_000 });
		expect(await box.getByTestId('attribution-check-error').count()).toBe(0);
		expect(await box.getByTestId('attribution-check-original-label').innerText()).toBe('trained weights');
		expect(await box.getByTestId('attribution-check-randomized-label').innerText()).toBe('randomized');
		const rho = await verdict.getAttribute('data-rho');
		return { text: await verdict.innerText(), rho: rho ? Number(rho) : null };
	}

	test('the randomization check on Grad-CAM: the map changes when the classifier is re-drawn', async () => {
		const { page, errors } = watched;
		const { text, rho } = await check(page, 'loss3/classifier');
		// A random classifier may leave Grad-CAM's positive part empty: then no correlation is stated.
		if (rho === null) expect(text).toMatch(/^With random weights the map is empty: .*It changed completely/);
		else {
			expect(rho).toBeLessThan(1);
			expect(text).toMatch(/^Spearman rank correlation between the two maps: −?\d\.\d\d \(1 would be the same ranking of pixels\)\. The map /);
		}
		expect(errors).toEqual([]);
	}, 300_000);

	test('saliency: five maps named with its own caveat; the randomization check states a correlation below 1', async () => {
		const { page, errors } = watched;
		await page.getByTestId('attribution-method').getByRole('radio', { name: 'Gradient saliency' }).check();
		expect(await page.getByTestId('attribution-caveat').innerText()).toMatch(/^Gradient saliency \(gradient × input.*first-order estimate.*Noisy, and it follows the photo’s own edges too\.$/);
		await explain(page);
		expect(await page.getByTestId('attribution-map').count()).toBe(5);
		expect(await page.getByTestId('attribution-shown').innerText()).toMatch(/^Gradient saliency, for each of the top 5/);
		const { text, rho } = await check(page, 'inception_5b');
		expect(rho).not.toBeNull();
		expect(rho!).toBeLessThan(1);
		expect(text).toContain(`Spearman rank correlation between the two maps: ${rho! < 0 ? '−' : ''}${Math.abs(rho!).toFixed(2)}`);
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
