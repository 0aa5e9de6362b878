// The photo's activations inside the architecture diagram, in headless Chromium on the WASM
// backend: thumbnails of 3a's four branches for chelsea, the whole channel grid of a selected
// node, the photo and the switch kept by the address across a reload, one session with /live/,
// the plain message for a naive or what-if state, and no sideways scroll at 360 px.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openArchitecture, node, settle } from './architecture-page';
import { useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();
const BRANCHES = ['inception_3a/1x1', 'inception_3a/3x3', 'inception_3a/5x5', 'inception_3a/pool_proj'];

/** Thumbnails drawn in a node. */
const thumbs = (page: Page, id: string) => node(page, id).locator('.thumbs .thumb');
/** Waits for the activations of the photo on show (weights loaded, one pass, thumbnails drawn). */
const drawn = (page: Page, id = 'inception_3a/1x1') => thumbs(page, id).first().waitFor({ timeout: 120_000 });
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('activations in the architecture diagram', () => {
	test('chelsea: thumbnails in 3a’s four branches, the top 5, and a channel grid on select', async () => {
		const { page, errors } = await openArchitecture(browser(), '?open=3a&backend=wasm');
		expect(await page.getByTestId('activations-switch').isChecked()).toBe(true);
		await drawn(page);
		for (const id of BRANCHES) {
			await expect.poll(() => thumbs(page, id).count()).toBe(4);
			// The channels shown are named for a screen reader.
			expect(await node(page, id).getAttribute('aria-label')).toMatch(/most active channels \d+, \d+, \d+, \d+$/);
		}
		expect(await thumbs(page, 'inception_3a').count()).toBe(4);
		expect(await thumbs(page, 'inception_3a/output').count()).toBe(4);
		expect(await page.getByTestId('architecture-top5').locator('li').count()).toBe(5);
		expect(await page.getByTestId('architecture-top5').locator('li .label').first().innerText()).toMatch(/cat/);

		await node(page, 'inception_3a/3x3').click();
		const grid = page.getByTestId('node-activations').getByTestId('channel-grid');
		await expect.poll(() => grid.getAttribute('data-layer')).toBe('inception_3a/3x3');
		expect(await grid.locator('li').count()).toBe(128);
		// Beside the node's arithmetic, in the same detail.
		expect(await page.getByTestId('node-detail').getAttribute('data-node')).toBe('inception_3a/3x3');
		await grid.locator('[data-channel-button="5"]').click();
		await expect.poll(() => page.getByTestId('channel-detail').getAttribute('aria-label')).toMatch(/^Channel 5 of/);
		expect(errors).toEqual([]);
	});

	test('the photo, the switch and the selection survive a reload from the address; /live/ shows the same photo', async () => {
		const { page, errors } = await openArchitecture(browser(), '?layer=inception_3a/5x5&backend=wasm');
		await drawn(page);
		await page.getByText('Another photo').click();
		await page.locator('button[data-sample="coffee"]').click();
		await expect.poll(() => page.url(), { timeout: 60_000 }).toContain('image=coffee');
		await expect.poll(() => page.getByTestId('architecture-top5').locator('li .label').first().innerText(), { timeout: 60_000 }).toMatch(/espresso|cup|coffee/);

		await page.reload();
		await page.waitForSelector('[data-ready="true"]');
		await drawn(page);
		expect(decodeURIComponent(page.url())).toContain('layer=inception_3a/5x5');
		expect(await page.getByTestId('node-detail').getAttribute('data-node')).toBe('inception_3a/5x5');
		expect(await page.getByTestId('node-activations').getByTestId('channel-grid').locator('li').count()).toBe(32);
		expect(await page.getByTestId('activation-panel').innerText()).toContain('coffee');

		// One session with /live/: the same photo there, without a new decode of the address's.
		await page.getByRole('link', { name: 'Live', exact: true }).click();
		await page.waitForURL(/\/live\//);
		await expect.poll(() => page.url(), { timeout: 60_000 }).toContain('image=coffee');
		await page.goBack();
		await page.waitForSelector('[data-ready="true"]');

		// Off: no thumbnails, kept by the address.
		await page.getByTestId('activations-switch').uncheck();
		await expect.poll(() => page.url()).toContain('activations=off');
		expect(await page.locator('.thumbs .thumb').count()).toBe(0);
		await page.reload();
		await page.waitForSelector('[data-ready="true"]');
		expect(await page.getByTestId('activations-switch').isChecked()).toBe(false);
		await settle(page);
		expect(await page.locator('.thumbs .thumb').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	test('a naive or what-if state says plainly that it has no trained weights, and draws nothing', async () => {
		const { page, errors } = await openArchitecture(browser(), '?open=3a&naive=3a&backend=wasm');
		const note = page.getByTestId('activations-note');
		await expect.poll(() => note.innerText()).toMatch(/^No trained weights for the naive 3a: activations are shown only for the trained network/);
		expect(await page.locator('.thumbs .thumb').count()).toBe(0);
		await node(page, 'inception_3a/5x5').click();
		expect(await page.getByTestId('node-activations').innerText()).toContain('No trained weights for the naive 3a');
		expect(await page.getByTestId('node-activations').getByTestId('channel-grid').count()).toBe(0);

		// Back to the trained network: the thumbnails come; a what-if filter count takes them away again.
		await page.getByRole('button', { name: 'Reset to the paper' }).click();
		await drawn(page);
		await page.goto(`${baseURL}/architecture/?set=inception_3a/3x3:200&backend=wasm`);
		await page.waitForSelector('[data-ready="true"]');
		await expect.poll(() => note.innerText()).toMatch(/^No trained weights for the what-if filter count \(3a\/3x3: 200\)/);
		expect(await page.locator('.thumbs .thumb').count()).toBe(0);
		expect(errors).toEqual([]);
	});

	test('360 px: thumbnails and a channel grid, and the page does not scroll sideways', async () => {
		const { page, errors } = await openArchitecture(browser(), '?layer=inception_3a/3x3&backend=wasm', { width: 360, height: 800 });
		await drawn(page);
		await page.getByTestId('node-activations').getByTestId('channel-grid').waitFor();
		await settle(page);
		expect(await noSideScroll(page)).toBe(true);
		await page.getByText('Another photo').click();
		expect(await noSideScroll(page)).toBe(true);
		expect(errors).toEqual([]);
	});
});

describe('activations by keyboard', () => {
	test('the switch, a node’s channel grid and one channel large, and Escape back to the grid, all from the keys', async () => {
		const { page, errors } = await openArchitecture(browser(), '?open=3a&backend=wasm');
		await drawn(page);
		const swtch = page.getByTestId('activations-switch');
		await swtch.focus();
		expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim())).toBe('Show activations in the diagram');
		await node(page, 'inception_3a/5x5').focus();
		await page.keyboard.press('Enter');
		const grid = page.getByTestId('node-activations').getByTestId('channel-grid');
		await grid.waitFor();
		// Tab from the node's details reaches the grid's one tab stop.
		let onGrid = false;
		for (let i = 0; i < 40 && !onGrid; i += 1) {
			await page.keyboard.press('Tab');
			onGrid = await page.evaluate(() => document.activeElement?.hasAttribute('data-channel-button') ?? false);
		}
		expect(onGrid).toBe(true);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('channel-detail');
		expect(await page.getByTestId('channel-detail').getAttribute('aria-label')).toMatch(/^Channel 1 of/);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-channel-button'))).toBe('1');
		// The node's details stay open: Escape went back to the grid only.
		expect(await page.getByTestId('node-detail').count()).toBe(1);
		expect(errors).toEqual([]);
	});
});
