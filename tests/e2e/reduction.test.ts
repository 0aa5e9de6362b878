// The 1x1 reduction made channel by channel (chapter 4, and a reduction's detail on
// /architecture/), in headless Chromium on the WASM backend: it loads only when asked, the reader
// picks the pixel (click, arrow keys) and steps to the end, and the weighted sum it computed is
// the engine's own tap value there; keyboard only works; 360 px does not scroll sideways;
// reduced motion gets steps and no playing.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { compareModule } from '../../src/lib/core/cost';
import { grouped } from '../../src/lib/core/format';
import { openArchitecture, node } from './architecture-page';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

async function openChapter(viewport?: { width: number; height: number }, reducedMotion = false) {
	const watched = await openPage(browser(), viewport);
	if (reducedMotion) await watched.page.emulateMedia({ reducedMotion: 'reduce' });
	await watched.page.goto(`${baseURL}/chapters/architectural-details/?backend=wasm`, { waitUntil: 'networkidle' });
	await watched.page.locator('article.chapter[data-hydrated]').waitFor();
	return { ...watched, widget: watched.page.locator('[data-widget="reduction-animation"]') };
}

async function load(w: Locator) {
	expect(await w.getByTestId('reduction').count()).toBe(0); // nothing runs before the reader asks
	await w.getByRole('button', { name: 'Run the real network on the cat photo' }).click();
	await w.getByTestId('reduction-map').waitFor({ timeout: 120_000 });
}

const pixelOf = async (w: Locator) => {
	const map = w.getByTestId('reduction-map');
	return { y: Number(await map.getAttribute('data-y')), x: Number(await map.getAttribute('data-x')) };
};

/** The computed value and the engine's at the end of the steps, from the check's attributes and its text. */
async function check(w: Locator) {
	const c = w.getByTestId('reduction-check');
	const computed = Number(await c.getAttribute('data-computed'));
	const engine = Number(await c.getAttribute('data-engine'));
	const shown = (await c.innerText()).match(/computed (-?[\d.]+) · engine (-?[\d.]+)/);
	return { computed, engine, shown: shown ? [Number(shown[1]), Number(shown[2])] : null };
}

/** Within 1e-4, relative above 1 (float32 resolves ~2e-5 at 300; see the unit test). */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('chapter 4: a 1x1 reduction, one channel at a time', () => {
	test('the reader picks a pixel, steps to the end, and the weighted sum is the engine’s tap value', async () => {
		const { page, errors, widget: w } = await openChapter();
		await load(w);
		const sum = w.getByTestId('reduction-sum');
		expect(await sum.getAttribute('data-channels')).toBe('192');
		expect(await w.getByTestId('reduction-tiles').getAttribute('data-channels')).toBe('192');
		expect(await w.getByTestId('weight-strip').getAttribute('data-weights')).toBe('192');
		expect(await sum.getAttribute('data-step')).toBe('0');

		// Pick a pixel by clicking the map: the middle of cell (row 20, column 9) of 28x28.
		const map = w.getByTestId('reduction-map');
		const box = (await map.boundingBox())!;
		await map.click({ position: { x: ((9 + 0.5) / 28) * box.width, y: ((20 + 0.5) / 28) * box.height } });
		expect(await pixelOf(w)).toEqual({ y: 20, x: 9 });

		// One step adds channel 0: its value × its weight is the running sum.
		await w.getByTestId('reduction-next').click();
		expect(await sum.getAttribute('data-step')).toBe('1');
		const term = await w.getByTestId('reduction-term').innerText();
		expect(term).toMatch(/^channel 0: [-−]?[\d.]+ × [-−]?[\d.]+ = [-−]?[\d.]+$/);

		await w.getByTestId('reduction-end').click();
		expect(await sum.getAttribute('data-step')).toBe('192');
		const at = await check(w);
		expect(close(at.computed, at.engine)).toBe(true);
		expect(at.shown).toEqual([Number(at.computed.toFixed(4)), Number(at.engine.toFixed(4))]);

		// Another pixel at the end of the steps: the sum is made again there, and still agrees.
		await map.click({ position: { x: ((3 + 0.5) / 28) * box.width, y: ((5 + 0.5) / 28) * box.height } });
		expect(await pixelOf(w)).toEqual({ y: 5, x: 3 });
		const other = await check(w);
		expect(close(other.computed, other.engine)).toBe(true);

		// Another output channel starts the steps again, and agrees with the engine too.
		await w.getByTestId('reduction-channel').fill('5');
		await w.getByTestId('reduction-channel').press('Enter');
		await expect.poll(() => w.getByTestId('reduction-sum').getAttribute('data-step')).toBe('0');
		await w.getByTestId('reduction-end').click();
		const fifth = await check(w);
		expect(close(fifth.computed, fifth.engine)).toBe(true);
		// A bad channel is refused in one line, keeping the one shown.
		await w.getByTestId('reduction-channel').fill('96');
		await w.getByTestId('reduction-channel').press('Enter');
		expect(await w.getByRole('alert').innerText()).toBe('An output channel is a whole number from 0 to 95; kept channel 5.');
		expect(await w.getByTestId('reduction-channel').inputValue()).toBe('5');

		// The branch counter is the cost model's.
		const branch = compareModule('inception_3a');
		const counter = w.getByTestId('reduction-counter');
		expect(await counter.getAttribute('data-reduced')).toBe(String(branch.reduced.branches[1]!.macs));
		expect(await counter.getAttribute('data-naive')).toBe(String(branch.naive.branches[1]!.macs));
		expect(await counter.innerText()).toContain(`1 × 1 × 192 × 96 × 28 × 28 = ${grouped(28 * 28 * 192 * 96)}`);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	test('keyboard only: arrow keys move the pixel, the step buttons take Enter; plays to the end', async () => {
		const { page, errors, widget: w } = await openChapter();
		await load(w);
		const map = w.getByTestId('reduction-map');
		await map.focus();
		const start = await pixelOf(w);
		await page.keyboard.press(start.x < 27 ? 'ArrowRight' : 'ArrowLeft');
		await page.keyboard.press(start.y < 27 ? 'ArrowDown' : 'ArrowUp');
		const moved = await pixelOf(w);
		expect(moved).toEqual({ y: start.y + (start.y < 27 ? 1 : -1), x: start.x + (start.x < 27 ? 1 : -1) });
		await page.keyboard.press('Enter'); // a keyboard click keeps the pixel
		expect(await pixelOf(w)).toEqual(moved);
		// Tab along to the step buttons: "next channel" then "end".
		await w.getByTestId('reduction-next').focus();
		await page.keyboard.press('Enter');
		expect(await w.getByTestId('reduction-sum').getAttribute('data-step')).toBe('1');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reduction-end');
		await page.keyboard.press('Enter');
		const at = await check(w);
		expect(close(at.computed, at.engine)).toBe(true);
		// Play runs the steps by itself, to the end.
		await w.getByTestId('reduction-play').click();
		await expect.poll(() => w.getByTestId('reduction-sum').getAttribute('data-step'), { timeout: 30_000 }).toBe('192');
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	test('at 360 px: no sideways scroll of the page; with reduced motion: steps and no playing', async () => {
		const { page, errors, widget: w } = await openChapter({ width: 360, height: 740 }, true);
		await load(w);
		expect(await noSideScroll(page)).toBe(true);
		expect(await w.getByTestId('reduction-play').count()).toBe(0);
		expect(await w.getByTestId('reduction-no-play').innerText()).toContain('reduced motion');
		await w.getByTestId('reduction-end').click();
		const at = await check(w);
		expect(close(at.computed, at.engine)).toBe(true);
		expect(await noSideScroll(page)).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);
});

describe('architecture: the reduction in a *_reduce node’s detail', () => {
	test('opens from the node, loads when asked, and agrees with the engine', async () => {
		const { page, errors } = await openArchitecture(browser(), '?open=3a');
		await node(page, 'inception_3a/5x5_reduce').click();
		const detail = page.getByTestId('node-detail');
		await expect.poll(() => detail.getAttribute('data-node')).toBe('inception_3a/5x5_reduce');
		const section = detail.getByTestId('reduction-detail');
		await section.locator('summary').click();
		// The page's address holds its own state only, so `backend=` is added just before the load
		// (headless Chromium's WebGPU never returns a read; the chapters' tests ask for WASM too).
		await expect.poll(() => decodeURIComponent(page.url())).toContain('layer=inception_3a/5x5_reduce');
		await page.waitForTimeout(500); // the address is written once the selection settles
		await page.evaluate(() => history.replaceState(history.state, '', `${location.pathname}${location.search}&backend=wasm`));
		expect(page.url()).toContain('backend=wasm');
		await section.getByRole('button', { name: 'Run the real network on the cat photo' }).click();
		await section.getByTestId('reduction-map').waitFor({ timeout: 120_000 });
		expect(await section.getByTestId('reduction').getAttribute('data-layer')).toBe('inception_3a/5x5_reduce');
		await section.getByTestId('reduction-end').click();
		const at = await check(section);
		expect(close(at.computed, at.engine)).toBe(true);
		// pool_proj reads the module's own max pool; its detail has the widget too, the network already loaded.
		await node(page, 'inception_3a/pool_proj').click();
		await expect.poll(() => detail.getAttribute('data-node')).toBe('inception_3a/pool_proj');
		if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
		await section.getByTestId('reduction-map').waitFor({ timeout: 60_000 });
		expect(await section.innerText()).toContain('inception_3a/pool');
		await section.getByTestId('reduction-end').click();
		const pool = await check(section);
		expect(close(pool.computed, pool.engine)).toBe(true);
		// Other nodes have none.
		await node(page, 'inception_3a/3x3').click();
		await expect.poll(() => detail.getAttribute('data-node')).toBe('inception_3a/3x3');
		expect(await detail.getByTestId('reduction-detail').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);

	test('a what-if that resizes the reduction says there are no real weights for it, and shows nothing made up', async () => {
		const { page, errors } = await openArchitecture(browser(), '?open=3a&layer=inception_3a/3x3_reduce&set=inception_3a/3x3_reduce:50');
		const section = page.getByTestId('node-detail').getByTestId('reduction-detail');
		await section.locator('summary').click();
		expect(await section.getByTestId('reduction-whatif').innerText()).toBe(
			'This what-if makes the layer 28×28×192 → 28×28×50; the trained weights are 28×28×192 → 28×28×96, so there are no real weights to show. Reset the module’s filter counts to see it.'
		);
		expect(await section.getByRole('button', { name: 'Run the real network on the cat photo' }).count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});
});
