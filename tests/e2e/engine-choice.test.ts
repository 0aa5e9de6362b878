// The engine a reader gets: the fastest backend by default (WASM where the GPU backends are
// software renderers), with the reason shown and what the engine is doing meanwhile; and one
// choice of backend and precision for the live page and the chapters' widgets, kept across
// visits, with one loaded network serving them all within a visit.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** What the page exposes (the live page's debug hook) and what these tests record. */
type Watched = Window & { __inceptionDebug?: { backend(): string | null; runs(): number }; __stages?: string[] };

/** A WebGPU adapter that says it is the fallback (software) one, as SwiftShader's does. */
function softwareWebGpu(): void {
	const adapter = {
		isFallbackAdapter: true,
		info: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader', isFallbackAdapter: true },
		features: new Set(),
		limits: {}
	};
	Object.defineProperty(Navigator.prototype, 'gpu', { get: () => ({ requestAdapter: async () => adapter }) });
}

/**
 * No WebGPU, and a WebGL that names a hardware GPU (it is SwiftShader underneath): the names
 * leave the fastest open, so the page runs its short test pass.
 */
function hardwareNamedWebGl(): void {
	Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined });
	for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
		const get = proto.getParameter;
		proto.getParameter = function (this: WebGLRenderingContext, name: number) {
			return name === 0x9246 ? 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)' : get.call(this, name);
		};
	}
}

/** Keeps every text the engine's stage line shows (it comes and goes within seconds). */
function recordStages(): void {
	(window as Watched).__stages = [];
	new MutationObserver(() => {
		for (const e of document.querySelectorAll('[data-testid="engine-stage"]')) {
			const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim();
			if ((window as Watched).__stages?.at(-1) !== text) (window as Watched).__stages?.push(text);
		}
	}).observe(document, { childList: true, subtree: true, characterData: true });
}

const runs = (page: Page) => page.evaluate(() => (window as Watched).__inceptionDebug?.runs() ?? 0);
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('inception:engine'));

describe('the engine a reader gets', () => {
	test('a software WebGPU adapter: WASM by default, with the reason, and what it does meanwhile', async () => {
		const { page, errors } = await openPage(browser());
		await page.addInitScript(softwareWebGpu);
		await page.addInitScript(recordStages);
		await page.goto(`${baseURL}/live/`);
		await page.waitForFunction(() => ((window as Watched).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 90_000, polling: 100 });
		expect(await page.evaluate(() => (window as Watched).__inceptionDebug?.backend())).toBe('wasm');
		expect(await page.locator('input[name="backend"][value="wasm"]').isChecked()).toBe(true);
		expect(await page.getByTestId('backend-why').innerText()).toMatch(
			/^WebGPU and WebGL here are software renderers \(SwiftShader\), not a GPU: using WASM on the processor, the fastest here\.$/
		);
		// The fastest is not written into the address (a link opens on the fastest of its reader's device).
		expect(page.url()).not.toContain('backend=');
		// What took a while was named, with the seconds it had taken.
		const stages = await page.evaluate(() => (window as Watched).__stages ?? []);
		expect(stages.some((s) => /^Packing the weights for the WASM kernels… \d+\.\d s$/.test(s))).toBe(true);
		// WebGPU stays available to pick.
		expect(await page.locator('input[name="backend"][value="webgpu"]').isDisabled()).toBe(false);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	test('a GPU the names cannot judge: a short measured test decides, its figures in the reason, kept for the next visit', async () => {
		const { page, errors } = await openPage(browser());
		await page.addInitScript(hardwareNamedWebGl);
		await page.goto(`${baseURL}/live/`);
		await page.waitForFunction(() => ((window as Watched).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 90_000, polling: 100 });
		const why = await page.getByTestId('backend-why').innerText();
		// SwiftShader's WebGL is far slower than WASM here: the test finds it.
		expect(why).toMatch(/^A short test pass here took [\d.]+ ms on WASM and [\d.]+ ms on WebGL: using WASM, [\d.]+× faster than WebGL\.$/);
		expect(await page.evaluate(() => (window as Watched).__inceptionDebug?.backend())).toBe('wasm');
		const kept = await page.evaluate(() => localStorage.getItem('inception:backend-probe'));
		expect(JSON.parse(kept ?? 'null')?.timings?.map((t: { backend: string }) => t.backend)).toEqual(['webgl', 'wasm']);
		// The next visit reads the figures instead of testing again: the same line.
		await page.reload();
		await page.waitForFunction(() => ((window as Watched).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 90_000, polling: 100 });
		expect(await page.getByTestId('backend-why').innerText()).toBe(why);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	test('a choice made on the live page is the one a chapter widget uses, and back; one network per visit', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/live/`);
		await page.waitForFunction(() => ((window as Watched).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 90_000, polling: 100 });
		expect(await stored(page)).toBeNull();
		// float32 weights, then WebGL: both kept for every page.
		await page.locator('input[name="precision"][value="float32"]').check({ force: true });
		await expect.poll(() => page.getByTestId('weights-ready').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/^Weights: float32/);
		await expect.poll(() => stored(page)).toBe(JSON.stringify({ backend: null, precision: 'float32' }));
		await page.locator('input[name="backend"][value="webgl"]').check({ force: true });
		await expect.poll(() => stored(page), { timeout: 60_000 }).toBe(JSON.stringify({ backend: 'webgl', precision: 'float32' }));
		expect(page.url()).toContain('backend=webgl');

		// Another visit, to a chapter: its widget runs on what was chosen, and says so.
		await page.goto(`${baseURL}/chapters/related-work/`);
		await page.locator('article.chapter[data-hydrated]').waitFor();
		const w = page.locator('[data-widget="real-filters"]');
		await w.getByRole('button', { name: 'Load the real filters' }).click();
		await w.getByTestId('conv1-filters').waitFor({ timeout: 90_000 });
		expect(await w.getByTestId('engine-bar-backend').innerText()).toBe('WebGL');
		expect(await w.getByTestId('engine-bar').locator('summary').innerText()).toMatch(/float32 weights/);

		// Changed in the widget: kept for every page...
		await w.getByTestId('engine-bar').locator('summary').click();
		await w.locator('input[value="wasm"]').click({ force: true });
		await expect.poll(() => w.getByTestId('engine-bar-backend').innerText(), { timeout: 60_000 }).toBe('WASM');
		expect(await stored(page)).toBe(JSON.stringify({ backend: 'wasm', precision: 'float32' }));

		// ...and the live page, reached within the visit, runs on it without loading the weights again.
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));
		const before = await runs(page);
		expect(before).toBe(0);
		await page.evaluate(() => {
			const a = document.createElement('a');
			a.href = '/live/';
			document.body.append(a);
			a.click();
		});
		await page.waitForFunction(() => ((window as Watched).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 90_000, polling: 100 });
		expect(await page.evaluate(() => (window as Watched).__inceptionDebug?.backend())).toBe('wasm');
		expect(await page.locator('input[name="precision"][value="float32"]').isChecked()).toBe(true);
		expect(requested.filter((u) => /models\/googlenet\/.*\/(model\.json|.*\.bin)$/.test(u))).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}, 240_000);
});
