// The live page's rough edges, each as a reader met it: a 1×1 layer as bars, friendly layer names
// with the Caffe name beside, a picker that shows name and shape whole, no "channel -1", the 144
// crops as a grid, the photo buttons' look, a text file given as a photo, and stale errors.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { nextResult, openLive, runs, top1 } from './live-page';

const browser = useBrowser();

/** Elements matching `selector` whose text is cut off (wider than their box). */
const clipped = (page: Page, selector: string) =>
	page.evaluate((s) => [...document.querySelectorAll<HTMLElement>(s)].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent), selector);

describe('live page: the rough edges', () => {
	test('the softmax is drawn as bars of the top classes by name; pool5 as bars of its channels; a 7×7 map still as pictures', async () => {
		const { page, errors } = await openLive(browser(), '?backend=wasm&layer=prob');
		await nextResult(page, 0);
		const bars = page.locator('[data-testid="vector-bars"][data-layer="prob"]');
		await bars.waitFor();
		expect(await bars.locator('li').count()).toBe(15);
		const first = bars.locator('li').first();
		expect(await first.locator('.label').innerText()).toBe(await top1(page));
		expect(await first.locator('.value').innerText()).toMatch(/^\d+\.\d%$/);
		expect(await bars.locator('figcaption').innerText()).toBe('The 15 most probable of the 1000 classes:');
		expect(await page.getByTestId('channel-grid').count()).toBe(0);
		expect(await page.getByRole('radio', { name: 'per channel' }).count()).toBe(0); // no colour scale to pick

		await page.getByTestId('layer-select').selectOption('pool5/7x7_s1');
		const pool = page.locator('[data-testid="vector-bars"][data-layer="pool5/7x7_s1"]');
		await pool.waitFor();
		expect(await pool.locator('li .label').first().innerText()).toMatch(/^channel \d+$/);
		expect(await pool.locator('figcaption').innerText()).toMatch(/^The 15 strongest of 1024 channels \(\d+ above zero\):$/);

		await page.getByTestId('layer-select').selectOption('inception_5b/output');
		await page.locator('[data-testid="channel-grid"][data-layer="inception_5b/output"]').waitFor();
		expect(await page.getByTestId('vector-bars').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	for (const width of [1280, 360])
		test(`layers are named as the diagram names them, the Caffe name second, and the picker shows name and shape whole at ${width} px`, async () => {
			const { page, errors } = await openLive(browser(), '?backend=wasm&layer=inception_4c/output&channel=3', { viewport: { width, height: 800 } });
			await nextResult(page, 0);
			const face = page.getByTestId('layer-face');
			expect(await face.locator('.title').innerText()).toBe('inception (4c) output');
			expect(await face.locator('.meta').innerText()).toBe('inception_4c/output · 14×14×512');
			expect(await page.getByTestId('maps-caption').innerText()).toBe('inception (4c) output (inception_4c/output): 512 channels of 14×14');
			expect(await page.getByTestId('channel-detail').locator('figcaption').first().innerText()).toBe(
				'inception (4c) output (inception_4c/output), channel 3 (14×14)'
			);
			// In the list: friendly first, the Caffe name in brackets, then the shape.
			expect(await page.locator('#layer-select option[value="pool5/drop_7x7_s1"]').innerText()).toBe('dropout 40% (pool5/drop_7x7_s1) · 1×1×1024');
			expect(await page.locator('#layer-select option[value="inception_4c/5x5_reduce"]').innerText()).toBe(
				'5×5 branch: 1×1 reduce (inception_4c/5x5_reduce) · 14×14×24'
			);

			// The longest names, whole: nothing in the picker's face is cut off, and it stays on screen.
			for (const layer of ['inception_5b/pool_proj', 'pool5/drop_7x7_s1', 'inception_4e/5x5_reduce', 'inception_4c/output']) {
				await page.getByTestId('layer-select').selectOption(layer);
				await expect.poll(() => face.locator('.meta').innerText()).toContain(layer);
				expect(await clipped(page, '[data-testid="layer-face"], [data-testid="layer-face"] span')).toEqual([]);
				const box = (await face.boundingBox())!;
				expect(box.x + box.width).toBeLessThanOrEqual(width);
			}
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
			// The select is still the keyboard's: focus it and step down the list.
			await page.getByTestId('layer-select').focus();
			await page.keyboard.press('ArrowDown');
			await expect.poll(() => page.url()).toContain('layer=inception_4d/1x1');
			expect(errors).toEqual([]);
			await page.close();
		}, 90_000);

	test('channel 0 has no "previous channel" button (never "channel -1"), the last no "next"', async () => {
		const { page, errors } = await openLive(browser(), '?backend=wasm&layer=inception_3a/pool_proj&channel=0');
		await nextResult(page, 0);
		const detail = page.getByTestId('channel-detail');
		await detail.waitFor();
		expect(await detail.innerText()).not.toContain('-1');
		expect(await page.getByTestId('channel-previous').count()).toBe(0);
		expect(await page.getByTestId('channel-next').innerText()).toBe('channel 1 ›');
		await page.getByTestId('channel-next').click();
		await expect.poll(() => page.url()).toContain('channel=1');
		expect(await page.getByTestId('channel-previous').innerText()).toBe('‹ channel 0');
		// The last of 32 channels.
		await page.locator('[data-testid="channel-grid"]').getByRole('button', { name: 'channel 31', exact: true }).click();
		await expect.poll(() => page.url()).toContain('channel=31');
		expect(await page.getByTestId('channel-next').count()).toBe(0);
		expect(await page.getByTestId('channel-previous').innerText()).toBe('‹ channel 30');
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	test('the 144 crops: a thumbnail grid grouped by scale and square, each with its top class, keyboard-operable, readable at 360 px', async () => {
		const { page, errors } = await openLive(browser(), '?backend=wasm&image=coffee&crops=10', { viewport: { width: 360, height: 740 } });
		await page.getByTestId('crop-agreement').waitFor({ timeout: 90_000 });
		const grid = page.getByTestId('crop-grid');
		// Ten crops: each labelled with its own top class; the agreement counted.
		const labels = await grid.locator('button[data-crop] .top').allInnerTexts();
		expect(labels).toHaveLength(10);
		expect(labels.every((l) => l.length > 1 && l !== 'running…')).toBe(true);
		const agree = labels.filter((l) => l === 'espresso').length;
		expect(await page.getByTestId('crop-agreement').innerText()).toContain(`espresso, the average's top class, is the top class of ${agree} of the 10 crops`);
		expect(await grid.locator('button[data-crop="3"]').getAttribute('aria-label')).toMatch(/^Crop 4: 256, top right, mirrored: .+, \d+\.\d+%$/);

		await page.getByRole('radio', { name: '144', exact: true }).check();
		await expect.poll(() => grid.locator('button[data-crop]').count()).toBe(144);
		expect(await grid.locator('h3').allInnerTexts()).toEqual([256, 288, 320, 352].map((s) => `Shorter side resized to ${s}`));
		expect(await grid.locator('.scale').first().locator('h4').allInnerTexts()).toEqual(['left square', 'centre square', 'right square']);
		// While the batch runs, the crops it has done are named, and the next one is marked.
		await expect.poll(() => grid.locator('button.running').count(), { timeout: 30_000 }).toBe(1);
		await expect.poll(() => grid.locator('button[data-crop="0"] .top').innerText(), { timeout: 30_000 }).not.toBe('·');

		// One tab stop; the arrow keys move along a row, to the mirror, a square on.
		expect(await grid.locator('button[data-crop][tabindex="0"]').count()).toBe(1);
		const outline = page.getByTestId('crop-outline');
		const before = await outline.getAttribute('x');
		await grid.locator('button[data-crop="0"]').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('PageDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-crop'))).toBe('15');
		expect(await grid.locator('button[aria-pressed="true"]').getAttribute('data-crop')).toBe('15');
		expect(await page.getByTestId('crop-readout').innerText()).toMatch(/^Crop 16 of 144: 256, centre square, top right, mirrored/);
		expect(await outline.getAttribute('x')).not.toBe(before);
		expect(await page.getByTestId('crop-view').locator('svg rect:not(.active)').count()).toBe(1);

		// Readable on a phone: nothing sideways, the thumbnails a usable size.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
		const thumb = (await grid.locator('button[data-crop="0"] canvas').boundingBox())!;
		expect(thumb.width).toBeGreaterThanOrEqual(40);
		await page.getByRole('radio', { name: '1', exact: true }).check();
		expect(errors).toEqual([]);
		await page.close();
	}, 150_000);

	test("the photo and camera buttons look like the site's buttons", async () => {
		const { page, errors } = await openLive(browser(), '?backend=wasm');
		await nextResult(page, 0);
		const look = (selector: string) =>
			page.evaluate((s) => {
				const el = document.querySelector(s);
				if (!el) return null;
				const c = getComputedStyle(el);
				return { border: c.border, radius: c.borderRadius, background: c.backgroundColor, padding: c.padding, size: c.fontSize };
			}, selector);
		// A plain .button made here is the reference.
		await page.evaluate(() => {
			const b = document.createElement('button');
			b.className = 'button';
			b.id = 'reference-button';
			document.body.append(b);
		});
		const reference = await look('#reference-button');
		expect(reference?.radius).not.toBe('0px');
		const file = page.locator('label:has([data-testid="image-input"])');
		expect(await file.innerText()).toBe('Choose a photo…');
		expect(await look('label:has([data-testid="image-input"])')).toEqual(reference);
		expect(await look('[data-testid="webcam"] button')).toEqual(reference);
		// The file input is hidden from sight only: it still takes the focus and a file.
		await page.getByTestId('image-input').focus();
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('image-input');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a text file given as a photo is refused as not an image, before anything reads it; a later photo clears every error', async () => {
		const { page, errors } = await openLive(browser(), '?backend=wasm');
		await nextResult(page, 0);
		await page.getByTestId('image-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('remember the milk\n') });
		await expect
			.poll(() => page.getByTestId('image-error').innerText())
			.toBe('notes.txt is not an image (text/plain); give a PNG, JPEG, WebP or GIF. The previous picture and result are kept.');
		expect(await page.getByTestId('notice').count()).toBe(0);
		expect(await top1(page)).toBe('Egyptian cat');
		expect(await runs(page)).toBe(1);
		// A synset_words.txt dropped with one line: the class names are refused, in a notice.
		await page.evaluate(() => {
			const data = new DataTransfer();
			data.items.add(new File(['n01440764 tench\n'], 'synset_words.txt', { type: 'text/plain' }));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
		});
		await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(/1 lines?, expected 1000/);
		// A dropped text file not named as class names is a photo, refused as one.
		await page.evaluate(() => {
			const data = new DataTransfer();
			data.items.add(new File(['a,b\n1,2\n'], 'table.csv', { type: 'text/csv' }));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
		});
		await expect.poll(() => page.getByTestId('image-error').innerText()).toMatch(/^table\.csv is not an image \(text\/csv\)/);

		// The next photo succeeds: the error banner and the error notice go. (A PNG whose name and
		// type say text: its bytes decide.)
		await page.getByTestId('image-input').setInputFiles({ name: 'coffee.txt', mimeType: 'text/plain', buffer: readFileSync('static/samples/coffee.png') });
		await nextResult(page, 1);
		expect(await top1(page)).toBe('espresso');
		expect(await page.getByTestId('image-error').count()).toBe(0);
		expect(await page.locator('[data-testid="notice"].error').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);
});
