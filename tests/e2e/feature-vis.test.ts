// "What does this channel look for?" in the live page's channel view: a feature visualization
// starts in the gradient worker, shows its step count rising, stops on request; a finished picture
// is kept and shown again without a worker job; the worker's tensors stay flat over 20 jobs; the
// panel fits a 360 px phone and passes axe. Tiny step counts and sizes keep it cheap.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { useBrowser } from './browser';
import { nextResult, openLive } from './live-page';

interface GradientDebug {
	jobs(): number;
	memory(): Promise<{ numTensors: number; numBytes: number }>;
	visualize(layer: string, channel: number, steps: number, size: number): Promise<number>;
}
const jobs = (page: Page) => page.evaluate(() => (window as unknown as { __gradientDebug?: GradientDebug }).__gradientDebug?.jobs() ?? 0);
const stepOf = async (page: Page) => Number((/step (\d+)/.exec(await page.getByTestId('vis-status').innerText()) ?? [])[1] ?? -1);

const LAYER = 'conv2/3x3';
const browser = useBrowser();

/** The live page after its first result, with the channel view of LAYER's channel 3 open. */
async function openChannel(viewport?: { width: number; height: number }) {
	const watched = await openLive(browser(), `?backend=wasm&layer=${LAYER}&channel=3`, { viewport });
	await nextResult(watched.page, 0, 120_000);
	await watched.page.getByTestId('vis-open').click();
	await watched.page.getByTestId('feature-vis').waitFor();
	return watched;
}

async function choose(page: Page, steps: string, size: string) {
	await page.getByTestId('vis-steps').selectOption(steps);
	await page.getByTestId('vis-size').selectOption(size);
}

describe('feature visualization of a channel', () => {
	test('starts, counts its steps up, stops; a finished picture comes back from the cache with no worker job', { timeout: 240_000 }, async () => {
		const { page, errors } = await openChannel();
		expect(await jobs(page)).toBe(0);

		// A long run: it shows progress, and stops when asked.
		await choose(page, '512', '64');
		await page.getByTestId('vis-start').click();
		await page.waitForFunction(() => /step [1-9]/.test(document.querySelector('[data-testid="vis-status"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
		const first = await stepOf(page);
		await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(first);
		await page.getByTestId('vis-stop').click();
		await expect.poll(() => page.getByTestId('vis-status').innerText(), { timeout: 30_000 }).toContain('stopped');
		expect(await stepOf(page)).toBeLessThan(512);
		expect(await page.locator('[data-testid="vis-pictures"] canvas').count()).toBe(1);
		expect(await jobs(page)).toBe(1);

		// A short run to the end, then the same channel and settings again: shown from the cache.
		await choose(page, '16', '64');
		await page.getByTestId('vis-start').click();
		await expect.poll(() => page.getByTestId('vis-status').innerText(), { timeout: 120_000 }).toContain('made in');
		expect(await jobs(page)).toBe(2);
		await page.getByTestId('vis-open').click(); // hide
		await page.getByTestId('vis-open').click(); // and open again
		await choose(page, '16', '64');
		await page.getByTestId('vis-cached').waitFor({ timeout: 10_000 });
		expect(await page.getByTestId('vis-status').innerText()).toContain('step 16 of 16');
		expect(await jobs(page)).toBe(2);
		expect(await page.getByTestId('vis-start').innerText()).toBe('make it again');
		expect(errors).toEqual([]);
		await page.close();
	});

	test("the worker's tensors stay flat over 20 short jobs", { timeout: 300_000 }, async () => {
		const { page, errors } = await openChannel();
		const run = () =>
			page.evaluate((layer) => (window as unknown as { __gradientDebug: GradientDebug }).__gradientDebug.visualize(layer, 3, 2, 32), LAYER);
		const memory = () => page.evaluate(() => (window as unknown as { __gradientDebug: GradientDebug }).__gradientDebug.memory());
		expect(await run()).toBe(2); // loads the weights and warms up
		const before = await memory();
		for (let i = 0; i < 20; i++) await run();
		const after = await memory();
		expect(after.numTensors).toBe(before.numTensors);
		expect(after.numBytes).toBe(before.numBytes);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('at 360 px the open panel does not make the page scroll sideways, and it passes axe', { timeout: 180_000 }, async () => {
		const { page, errors } = await openChannel({ width: 360, height: 740 });
		await page.getByTestId('vis-diverse').check();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});
});
