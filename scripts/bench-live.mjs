// Benchmark of the live page in headless Chromium (not a test: it prints figures). Per backend:
// time to the first result on a cold visit (weights downloaded) and a warm one (weights from
// Cache Storage, same browser profile), ms per image once warm, ms to draw a 512-channel grid,
// and the 10-crop batch with the longest gap between frames while it runs (page responsiveness).
// Uses the existing build/ (run `npm run build` first; the weights must be converted).
// Usage: node scripts/bench-live.mjs [webgpu] [webgl] [wasm] [cpu]   (default: all four)
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const backends = process.argv.slice(2).length ? process.argv.slice(2) : ['webgpu', 'webgl', 'wasm', 'cpu'];
const WARM_RUNS = { webgpu: 5, webgl: 5, wasm: 5, cpu: 2 };
const LAYER_512 = 'inception_4a/output';

/** @param {import('playwright-core').Page} page @param {number} after @param {number} timeout */
const nextResult = (page, after, timeout = 300_000) =>
	page.waitForFunction((n) => (/** @type {any} */ (window).__inceptionDebug?.runs() ?? 0) > n, after, { timeout, polling: 50 });

/** @param {import('playwright-core').Page} page */
const firstResultMs = (page) =>
	page.evaluate(() => Math.round(performance.getEntriesByName('inception:first-result')[0]?.startTime ?? NaN));

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** @param {import('playwright-core').Browser} browser @param {string} base @param {string} backend */
async function bench(browser, base, backend) {
	// A tall viewport with the grid's scroll box opened up, so all 512 channels are in view.
	const context = await browser.newContext({ viewport: { width: 1280, height: 6000 } });
	const page = await context.newPage();
	const url = `${base}/live/?backend=${backend}&layer=inception_3a/output`;
	await page.goto(url);
	await nextResult(page, 0);
	// The backend, and on WASM what runs it (the own SIMD kernels and their threads, or tfjs).
	const inUse = await page.evaluate(() => {
		const debug = /** @type {any} */ (window).__inceptionDebug;
		const engine = debug.engine();
		return engine ? `${debug.backend()} (${engine})` : debug.backend();
	});
	const cold = await firstResultMs(page);

	await page.reload();
	await nextResult(page, 0);
	const warm = await firstResultMs(page);
	const cached = (await page.getByTestId('weights-ready').innerText()).includes("browser's cache");

	const times = [];
	for (let i = 0; i < (WARM_RUNS[/** @type {keyof typeof WARM_RUNS} */ (backend)] ?? 3); i++) {
		const n = await page.evaluate(() => /** @type {any} */ (window).__inceptionDebug.runs());
		await page.getByRole('button', { name: 'Run again' }).click();
		await nextResult(page, n);
		times.push(Number((await page.getByTestId('ms-per-image').innerText()).replace(/ ms$/, '')));
	}

	await page.addStyleTag({ content: '[data-testid="channel-grid"] { max-height: none !important } .scroller { max-height: none !important }' });
	const t0 = Date.now();
	await page.getByTestId('layer-select').selectOption(LAYER_512);
	await page.waitForFunction(
		(layer) => {
			const grid = document.querySelector(`[data-testid="channel-grid"][data-layer="${layer}"]`);
			return grid !== null && Number(grid.getAttribute('data-look-drawn')) >= 512;
		},
		LAYER_512,
		{ timeout: 300_000, polling: 20 }
	);
	const layerSwitch = Date.now() - t0;
	const drawMs = Number(await page.getByTestId('channel-grid').getAttribute('data-look-ms'));

	// 10 crops, watching the gaps between animation frames while the batch runs (not on CPU:
	// 10 passes of plain JavaScript take minutes).
	if (backend === 'cpu') {
		await context.close();
		return { backend, inUse, cold, warm, cached, perImage: median(times), layerSwitch, drawMs, cropsMs: NaN, maxGap: NaN };
	}
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__gaps = [];
		let last = performance.now();
		const tick = (/** @type {number} */ t) => {
			w.__gaps.push(t - last);
			last = t;
			if (w.__gapsOn) requestAnimationFrame(tick);
		};
		w.__gapsOn = true;
		requestAnimationFrame(tick);
	});
	const c0 = Date.now();
	await page.getByRole('radio', { name: '10', exact: true }).check();
	await page.getByTestId('top5-averaged').waitFor({ timeout: 600_000 });
	const cropsMs = Date.now() - c0;
	const maxGap = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__gapsOn = false;
		return Math.round(Math.max(...w.__gaps));
	});
	await context.close();
	return { backend, inUse, cold, warm, cached, perImage: median(times), layerSwitch, drawMs, cropsMs, maxGap };
}

const server = await startServer({ dir: 'build', port: 0 });
const browser = await launchChromium();
try {
	const version = browser.version();
	console.log(`Live page benchmark, headless Chromium ${version}, ${new Date().toISOString()}`);
	console.log('backend  in use                                   first result cold / warm (cached)  ms per image  512-ch grid: layer switch / paint  10 crops  longest frame gap');
	for (const backend of backends) {
		try {
			const r = await bench(browser, server.url, backend);
			console.log(
				`${r.backend.padEnd(8)} ${String(r.inUse).padEnd(40)} ${`${r.cold} ms / ${r.warm} ms${r.cached ? '' : ' (not cached!)'}`.padEnd(34)} ${`${r.perImage} ms`.padEnd(13)} ${`${r.layerSwitch} ms / ${r.drawMs} ms`.padEnd(35)} ${`${r.cropsMs} ms`.padEnd(9)} ${r.maxGap} ms`
			);
		} catch (e) {
			console.log(`${backend.padEnd(8)} failed: ${/** @type {Error} */ (e).message.split('\n')[0]}`);
		}
	}
} finally {
	await browser.close();
	await server.close();
}
