// The live page's WASM backend on the project's own SIMD kernels (src/kernels/), in headless
// Chromium: threads when the page is cross-origin isolated, one thread when it is not, feature
// maps that match tfjs's, and tfjs's own WASM kernels when ours cannot start (the file missing).
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

// The page's debug hook (DebugHook in src/lib/view/live/session-state.svelte.ts), as used here.
interface Debug {
	runs(): number;
	tap(): { layer: string; shape: [number, number, number]; data: number[] } | null;
}
type DebugWindow = { __inceptionDebug?: Debug };

const KERNELS = '**/googlenet-kernels-*.wasm';

async function open(query: string, options: { noKernels?: boolean; notIsolated?: boolean } = {}) {
	const watched = await openPage(browser());
	const { page } = watched;
	if (options.noKernels) await page.route(KERNELS, (route) => route.fulfill({ status: 404, body: 'Not found' }));
	if (options.notIsolated)
		// The same page without COOP/COEP: no SharedArrayBuffer, so no threads.
		await page.route('**/live/*', async (route) => {
			const response = await route.fetch();
			const headers = { ...response.headers() };
			delete headers['cross-origin-opener-policy'];
			delete headers['cross-origin-embedder-policy'];
			await route.fulfill({ response, headers });
		});
	await page.goto(`${baseURL}/live/${query}`);
	await page.waitForFunction(() => ((window as DebugWindow).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 90_000, polling: 100 });
	return watched;
}

const top1 = (page: Page) => page.locator('[data-testid="top5-single"] li .label').first().innerText();
const engine = (page: Page) => page.getByTestId('engine-in-use').innerText();
const tap = (page: Page) => page.evaluate(() => (window as DebugWindow).__inceptionDebug!.tap()!);

describe('live page, WASM on the own kernels', () => {
	let kernelsTap: { layer: string; shape: [number, number, number]; data: number[] };

	test('an isolated page runs the own kernels on several threads; chelsea is an Egyptian cat', async () => {
		const { page, errors } = await open('?backend=wasm&layer=inception_4c/3x3');
		const { isolated, cores } = await page.evaluate(() => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
		expect(isolated).toBe(true);
		const threads = Math.min(4, cores);
		expect(await engine(page)).toBe(`(own SIMD kernels, ${threads} thread${threads === 1 ? '' : 's'})`);
		expect(await page.getByTestId('run-stats').innerText()).toMatch(/^WASM \(own SIMD kernels, \d threads?\): /);
		if (cores > 1) expect(threads).toBeGreaterThan(1);
		expect(await page.getByTestId('backend-in-use').innerText()).toBe('WASM');
		expect(await top1(page)).toBe('Egyptian cat');
		// A branch's feature map: its shape, finite values, ReLU'd, not all zero.
		kernelsTap = await tap(page);
		expect(kernelsTap.layer).toBe('inception_4c/3x3');
		expect(kernelsTap.shape).toEqual([14, 14, 256]);
		expect(kernelsTap.data.length).toBe(14 * 14 * 256);
		expect(kernelsTap.data.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
		expect(kernelsTap.data.filter((v) => v > 0).length).toBeGreaterThan(1000);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	test('when the kernels cannot start, WASM runs on tfjs with a notice, and its feature map matches the kernels\'', async () => {
		const { page, errors } = await open('?backend=wasm&layer=inception_4c/3x3', { noKernels: true });
		expect(await page.getByTestId('notice').first().innerText()).toMatch(
			/^WASM: our own SIMD kernels could not start \(googlenet-kernels-shared\.\w+\.wasm answered 404\); using tfjs's WASM kernels instead\./
		);
		expect(await engine(page)).toBe('(tfjs)');
		expect(await page.locator('input[name="backend"][value="wasm"]').isDisabled()).toBe(false);
		expect(await top1(page)).toBe('Egyptian cat');
		const tfjsTap = await tap(page);
		expect(tfjsTap.shape).toEqual(kernelsTap.shape);
		const scale = Math.max(...tfjsTap.data);
		let worst = 0;
		tfjsTap.data.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - kernelsTap.data[i]!))));
		expect(worst / scale).toBeLessThan(1e-3);
		// The only console error is the 404 asked for above.
		expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
		await page.close();
	}, 120_000);

	test('a page that is not cross-origin isolated runs the kernels on one thread', async () => {
		const { page, errors } = await open('?backend=wasm', { notIsolated: true });
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
		expect(await engine(page)).toBe('(own SIMD kernels, 1 thread)');
		expect(await top1(page)).toBe('Egyptian cat');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);
});
