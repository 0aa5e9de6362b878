// The live page as a reader uses it, in headless Chromium: the real network on each backend,
// the feature maps, bad files, no weights, a caffemodel import, and tensors that do not leak.
// Inference runs in software here (SwiftShader for WebGL and WebGPU), so most tests use WASM
// and the GPU backends are each loaded once.
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';
import { caffemodelFixture, HAS_SHARED } from './caffemodel-fixture';
import { inUse, nextResult, openLive, runs, top1 } from './live-page';

const baseURL = inject('baseURL');
const browser = useBrowser();
const open = (query: string, options: { noWeights?: boolean } = {}) => openLive(browser(), query, options);

describe('live page', () => {
	test('a browser without WebGPU: the switch disables it with the reason, and the page uses the next backend', async () => {
		const watched = await openPage(browser());
		const { page, errors } = watched;
		await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined }));
		await page.goto(`${baseURL}/live/?backend=webgpu`);
		await expect
			.poll(() => page.getByTestId('notice').first().textContent(), { timeout: 60_000 })
			.toMatch(/WebGPU is not available here \(this browser does not offer WebGPU\); using WebGL/);
		expect(await page.locator('input[name="backend"][value="webgpu"]').isDisabled()).toBe(true);
		expect(await page.getByTestId('backend-reasons').innerText()).toBe('WebGPU unavailable: this browser does not offer WebGPU');
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	test('WebGPU: chelsea is an Egyptian cat (or WebGPU is disabled with its reason)', async () => {
		const { page, errors } = await open('?backend=webgpu');
		// Either a result, or WebGPU listed as unavailable with its reason.
		const reasons = page.getByTestId('backend-reasons');
		await page.waitForFunction(
			() => (window.__inceptionDebug?.runs() ?? 0) > 0 || /WebGPU unavailable/.test(document.querySelector('[data-testid="backend-reasons"]')?.textContent ?? ''),
			undefined,
			{ timeout: 150_000, polling: 250 }
		);
		if ((await runs(page)) === 0) {
			// No adapter in this Chromium: the switch must say why, and the page runs on the next backend.
			expect(await page.locator('input[name="backend"][value="webgpu"]').isDisabled()).toBe(true);
			expect(await reasons.innerText()).toMatch(/WebGPU unavailable: .+/);
		} else {
			// This headless Chromium offers a SwiftShader (software) adapter, so WebGPU really runs.
			expect(await inUse(page)).toBe('WebGPU');
			expect(await top1(page)).toBe('Egyptian cat');
		}
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	test('WebGL: chelsea is an Egyptian cat; a lost device falls back to WASM with a notice', async () => {
		const { page, errors } = await open('?backend=webgl');
		await nextResult(page, 0, 120_000);
		expect(await inUse(page)).toBe('WebGL');
		expect(await top1(page)).toBe('Egyptian cat');

		await page.evaluate(() => window.__inceptionDebug?.failNext());
		await page.getByRole('button', { name: 'Run again' }).click();
		await nextResult(page, 1);
		expect(await page.getByTestId('notice').innerText()).toMatch(/WebGL failed while running: simulated loss of the GPU device; switched to WASM/);
		expect(await inUse(page)).toBe('WASM');
		expect(await top1(page)).toBe('Egyptian cat');
		expect(await page.locator('input[name="backend"][value="webgl"]').isDisabled()).toBe(true);
		expect(await page.getByTestId('backend-reasons').innerText()).toContain('WebGL unavailable: failed while running');
		expect(page.url()).toContain('backend=wasm');
		expect(errors).toEqual([]);
		await page.close();
	}, 150_000);

	test('WASM: chelsea is an Egyptian cat, with the time per image; the weights show their source', async () => {
		const { page, errors } = await open('?backend=wasm');
		await nextResult(page, 0);
		expect(await inUse(page)).toBe('WASM');
		expect(await top1(page)).toBe('Egyptian cat');
		expect(await page.getByTestId('ms-per-image').innerText()).toMatch(/^\d+(\.\d)? ms$/);
		expect(await page.getByTestId('weights-ready').innerText()).toMatch(/float16.*bvlc_googlenet/);
		expect(await page.getByTestId('conv1-filters').locator('canvas').count()).toBe(64);
		// The heading and its note count conv1's filters from the plan.
		expect(await page.locator('#filters-heading').innerText()).toBe("The first layer's 64 filters");
		expect(await page.getByTestId('weights-ready').innerText()).not.toContain("Read from this browser's cache");
		// A second visit reads the weights from Cache Storage: no shard is downloaded.
		const shards: string[] = [];
		page.on('request', (r) => {
			if (r.url().endsWith('.bin')) shards.push(r.url());
		});
		await page.reload();
		await nextResult(page, 0);
		expect(await page.getByTestId('weights-ready').innerText()).toContain("Read from this browser's cache, no download.");
		expect(shards).toEqual([]);
		expect(await top1(page)).toBe('Egyptian cat');
		// On a phone, nothing sticks out sideways.
		await page.setViewportSize({ width: 360, height: 740 });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
		await page.setViewportSize({ width: 1280, height: 800 });
		// The precision switch loads float32 and runs again.
		await page.getByRole('radio', { name: /float32/ }).check();
		await nextResult(page, 1);
		expect(await page.getByTestId('weights-ready').innerText()).toContain('float32');
		expect(page.url()).toContain('precision=float32');
		expect(await top1(page)).toBe('Egyptian cat');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the channel grid of a chosen layer draws pictures that are not blank, and every view is a URL', async () => {
		const { page, errors } = await open('?image=coffee&layer=inception_4c/3x3&channel=17&backend=wasm');
		await nextResult(page, 0);
		expect(await top1(page)).toBe('espresso');
		expect(await page.getByTestId('layer-select').inputValue()).toBe('inception_4c/3x3');
		expect(await page.getByTestId('channel-detail').getAttribute('aria-label')).toBe('Channel 17 of inception (4c), 3×3 branch: 3×3 conv (inception_4c/3x3)');

		await page.getByTestId('layer-select').selectOption('inception_4d/5x5');
		const grid = page.locator('[data-testid="channel-grid"][data-layer="inception_4d/5x5"]');
		await grid.scrollIntoViewIfNeeded();
		await page.waitForFunction(() => Number(document.querySelector('[data-testid="channel-grid"]')?.getAttribute('data-drawn')) > 0);
		expect(await grid.locator('canvas').count()).toBe(64);
		const painted = await page.evaluate(() => {
			const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="channel-grid"] canvas')].slice(0, 32);
			return canvases.map((c) => {
				const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
				const colours = new Set<number>();
				for (let i = 0; i < d.length; i += 4) colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
				return { size: `${c.width}x${c.height}`, colours: colours.size, opaque: d[3] === 255 };
			});
		});
		expect(painted.every((p) => p.size === '14x14' && p.opaque)).toBe(true);
		expect(painted.filter((p) => p.colours > 4).length).toBeGreaterThan(8);
		expect(page.url()).toContain('layer=inception_4d/5x5&channel=0');
		// At channel 0 there is no previous-channel button, and nothing names a channel −1.
		const detail = page.getByTestId('channel-detail');
		expect(await detail.innerText()).not.toMatch(/channel [-−]1/);
		expect(await detail.getByRole('button', { name: 'channel 1 ›' }).isEnabled()).toBe(true);

		await grid.getByRole('button', { name: 'channel 5', exact: true }).click();
		await expect.poll(() => page.url()).toContain('channel=5');
		expect(await page.getByTestId('channel-values').innerText()).toMatch(/min\s*\S+\s*mean/);
		await page.getByRole('radio', { name: 'per channel' }).check();
		await expect.poll(() => page.url()).toContain('scale=channel');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a broken file and an empty file are refused with a message, the previous result stays; a good file and a paste work', async () => {
		const { page, errors } = await open('?backend=wasm');
		await nextResult(page, 0);
		const input = page.getByTestId('image-input');
		await input.setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a JPEG') });
		await expect.poll(() => page.getByTestId('image-error').innerText()).toMatch(/broken\.jpg could not be read as an image/);
		// An empty file, dropped onto the page.
		await page.evaluate(() => {
			const data = new DataTransfer();
			data.items.add(new File([], 'empty.png', { type: 'image/png' }));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
		});
		await expect.poll(() => page.getByTestId('image-error').innerText()).toMatch(/empty\.png is empty \(0 bytes\)/);
		expect(await top1(page)).toBe('Egyptian cat');
		expect(await page.getByTestId('crop-view').innerText()).toContain('chelsea.png');
		expect(await runs(page)).toBe(1);

		// A good file after them works, and is not a link (the address drops image=).
		await input.setInputFiles('static/samples/coffee.png');
		await nextResult(page, 1);
		expect(await top1(page)).toBe('espresso');
		expect(await page.getByTestId('image-error').count()).toBe(0);
		expect(page.url()).not.toContain('image=');

		// A picture pasted from the clipboard.
		await page.evaluate(async () => {
			const blob = await (await fetch('/samples/astronaut.png')).blob();
			const data = new DataTransfer();
			data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
			document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		});
		await nextResult(page, 2);
		expect(await page.getByTestId('crop-view').innerText()).toContain('image.png, 512×512');

		// No camera in this headless browser: the webcam says so plainly.
		await page.getByRole('button', { name: 'Use the camera' }).click();
		await expect.poll(() => page.getByTestId('webcam-error').innerText()).toMatch(/No camera was found|permission was denied/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('test-time crops: the crop is outlined, the batch shows progress, the average sits beside the centre crop', async () => {
		const { page, errors } = await open('?backend=wasm&image=coffee');
		await nextResult(page, 0);
		const rects = page.getByTestId('crop-view').locator('svg rect:not(.active)');
		expect(await rects.count()).toBe(1);
		await page.getByRole('radio', { name: '10', exact: true }).check();
		await page.getByTestId('crop-progress').waitFor();
		await page.getByTestId('top5-averaged').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('top5-averaged').locator('figcaption').innerText()).toBe('10 crops, averaged');
		expect(await top1(page, 'top5-averaged')).toBe('espresso');
		expect(await rects.count()).toBe(1); // the chosen crop only; the grid below shows them all
		expect(await page.getByTestId('crop-grid').locator('button[data-crop]').count()).toBe(10);
		expect(page.url()).toContain('crops=10');
		// 144: the grid has them all; switching back stops the batch cleanly.
		await page.getByRole('radio', { name: '144', exact: true }).check();
		await page.getByTestId('crop-progress').waitFor();
		expect(await page.getByTestId('crop-grid').locator('button[data-crop]').count()).toBe(144);
		await page.getByRole('radio', { name: '1', exact: true }).check();
		await expect.poll(() => page.getByTestId('crop-progress').count()).toBe(0);
		expect(await page.getByTestId('top5-averaged').count()).toBe(0);
		expect(await page.getByTestId('crop-grid').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 90_000);

	test('50 classifications in a row leave the tensor count flat', async () => {
		const { page, errors } = await open('?backend=wasm');
		await nextResult(page, 0);
		await page.getByRole('button', { name: 'Run again' }).click();
		await nextResult(page, 1);
		const before = await page.evaluate(() => window.__inceptionDebug!.memory());
		const samples = ['coffee', 'astronaut', 'rocket', 'chelsea'];
		for (let i = 0; i < 50; i++) {
			const n = await runs(page);
			if (i % 10 === 9) await page.locator(`[data-sample="${samples[Math.floor(i / 10) % 4]}"]`).click();
			else await page.getByRole('button', { name: 'Run again' }).click();
			await nextResult(page, n);
		}
		const after = await page.evaluate(() => window.__inceptionDebug!.memory());
		expect(after.numTensors).toBe(before.numTensors);
		expect(after.numBytes).toBe(before.numBytes);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	test.skipIf(!HAS_SHARED)('with no weights on the site, the page says how to add them; a dropped caffemodel brings the network back', async () => {
		const file = caffemodelFixture();
		const { page, errors } = await open('?backend=wasm', { noWeights: true });
		const panel = page.getByTestId('no-weights');
		await panel.waitFor();
		const text = await panel.innerText();
		expect(text).toContain('npm run weights -- --from PATH');
		expect(text).toContain('bvlc_googlenet.caffemodel');
		// The rest of the page works: the picture is shown, the samples switch.
		await page.locator('[data-sample="coffee"]').click();
		await expect.poll(() => page.getByTestId('crop-view').innerText()).toContain('coffee.png');
		expect(await page.getByTestId('result').innerText()).toContain('once the weights and a picture are in');

		await page.getByTestId('caffemodel-input').setInputFiles(file);
		await nextResult(page, 0, 90_000);
		expect(await top1(page)).toBe('espresso');
		expect(await page.getByTestId('weights-ready').innerText()).toMatch(/imported.*auxiliary heads \(loss1, loss2\)/);
		expect(await page.getByTestId('layer-select').locator('option[value="loss2/conv"]').count()).toBe(1);
		expect(await page.getByTestId('result').innerText()).toContain('Auxiliary classifier loss1');
		// The only console errors are the two 404s asked for above.
		expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
		await page.close();
	}, 150_000);
});
