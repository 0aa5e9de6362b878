// Keyboard use: focus goes where a reader expects when a panel opens or closes (the architecture
// page's node details, the live page's channel view), and every tab stop on every page shows
// where focus is.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { node, openArchitecture } from './architecture-page';
import { openPage, useBrowser } from './browser';
import { openReady, PAGES } from './site-pages';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** The focused element, in a few words: its test id or node, its name, its text. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { testid: null, node: null, channel: null, name: '', text: '' };
		const labelledBy = el.getAttribute('aria-labelledby');
		return {
			testid: el.dataset.testid ?? null,
			node: el.dataset.node ?? null,
			channel: el.dataset.channelButton ?? null,
			name: (labelledBy ? document.getElementById(labelledBy)?.textContent : el.getAttribute('aria-label')) ?? '',
			text: (el.textContent ?? '').trim()
		};
	});

describe('keyboard: focus follows the panels', () => {
	test('architecture: a node chosen by keyboard moves focus into its details; Escape or Close puts it back on the node', async () => {
		const { page, errors } = await openArchitecture(browser());
		await node(page, 'conv1/7x7_s2').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => focused(page)).toMatchObject({ testid: 'node-detail', node: 'conv1/7x7_s2', name: 'conv1 7×7/2' });
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('node-detail').count()).toBe(0);
		expect(await focused(page)).toMatchObject({ node: 'conv1/7x7_s2' });

		// Space works too; the first stop inside the details is its Close button.
		await page.keyboard.press(' ');
		await expect.poll(() => focused(page)).toMatchObject({ testid: 'node-detail', node: 'conv1/7x7_s2' });
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({ name: 'Close details' });
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByTestId('node-detail').count()).toBe(0);
		expect(await focused(page)).toMatchObject({ node: 'conv1/7x7_s2' });

		// A module opens in place and keeps focus: its branches are the next nodes down.
		await node(page, 'inception_3a').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => node(page, 'inception_3a').getAttribute('aria-expanded')).toBe('true');
		expect(await focused(page)).toMatchObject({ node: 'inception_3a' });
		await page.keyboard.press('ArrowDown');
		expect(await focused(page)).toMatchObject({ node: 'inception_3a/1x1' });
		expect(errors).toEqual([]);
		await page.close();
	});

	test('live: a channel opened from the grid takes focus to its large view; Escape or "back to the grid" returns it to the tile', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/live/?backend=wasm&channel=0`);
		const grid = page.getByTestId('channel-grid');
		await grid.waitFor({ timeout: 120_000 });
		const layer = await grid.getAttribute('data-layer');
		// The grid is one tab stop (the chosen channel's tile); the arrow keys move between tiles.
		await grid.locator('button[tabindex="0"]').focus();
		const start = Number((await focused(page)).channel);
		await page.keyboard.press('ArrowRight');
		const tile = String(start + 1);
		expect(await focused(page)).toMatchObject({ channel: tile, name: `channel ${tile}` });
		await page.keyboard.press('Enter');
		await expect.poll(() => focused(page)).toMatchObject({ testid: 'channel-detail', name: expect.stringMatching(new RegExp(`^Channel ${tile} of .+ \\(${layer}\\)$`)) });
		await page.keyboard.press('Escape');
		expect(await focused(page)).toMatchObject({ channel: tile });
		expect(await grid.locator(`[data-channel-button="${tile}"]`).getAttribute('aria-pressed')).toBe('true');

		await page.keyboard.press(' ');
		await expect.poll(() => focused(page)).toMatchObject({ testid: 'channel-detail' });
		// Tab inside the view: previous, next, back.
		for (const text of [`‹ channel ${start}`, `channel ${start + 2} ›`, 'back to the grid']) {
			await page.keyboard.press('Tab');
			expect(await focused(page)).toMatchObject({ text });
		}
		await page.keyboard.press('Enter');
		expect(await focused(page)).toMatchObject({ channel: tile });

		// Stepping to the first channel takes its "previous" button away: focus stays in the view.
		await page.keyboard.press('Enter');
		await expect.poll(() => focused(page)).toMatchObject({ testid: 'channel-detail' });
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => focused(page)).toMatchObject({ testid: 'channel-detail', name: expect.stringMatching(new RegExp(`^Channel 0 of .+ \\(${layer}\\)$`)) });
		expect(errors).toEqual([]);
		await page.close();
	}, 150_000);
});

/** Where focus is and whether a ring shows it: an outline of 2px or more on the element, its label or its drawn stand-in. */
const ring = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { where: 'nothing focused', key: '', shown: false };
		const where = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
		// A radio or checkbox drawn by its label or by the element after it.
		const stands = [el, el.closest('label'), el.nextElementSibling].filter((e): e is HTMLElement => e instanceof HTMLElement);
		const shown = stands.some((e) => {
			const style = getComputedStyle(e);
			const box = e.getBoundingClientRect();
			return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && box.width >= 4 && box.height >= 4;
		});
		return { where, key: where + el.getBoundingClientRect().top, shown };
	});

describe('keyboard: focus is visible', () => {
	test.each(PAGES)('%s: every tab stop shows a focus ring', async (path) => {
		const page = await openReady(browser(), path);
		// Start from the top of the page, whatever opening it focused.
		await page.evaluate(() => {
			const start = document.createElement('span');
			start.tabIndex = -1;
			document.body.prepend(start);
			start.focus();
			start.remove();
		});
		const seen = new Set<string>();
		const unringed: string[] = [];
		// Every stop, up to 150 (the page's end, when focus leaves it, or a second visit to a stop ends it).
		for (let i = 0; i < 150; i += 1) {
			await page.keyboard.press('Tab');
			const at = await ring(page);
			if (at.where === 'nothing focused' || seen.has(at.key)) break;
			seen.add(at.key);
			if (!at.shown) unringed.push(at.where);
		}
		expect(seen.size).toBeGreaterThan(5);
		expect(unringed, `tab stops on ${path} without a visible focus ring`).toEqual([]);
		await page.context().close();
	}, 180_000);
});
