// Benchmark of the live page in headless Chromium, beside `cli bench` on the same machine in the
// same run (not a test: it prints figures). Per backend: time to the first result on a cold visit
// (weights downloaded) and a warm one (weights from Cache Storage, same browser profile), the
// longest task on the page's thread during each first result (PerformanceObserver 'longtask':
// how long the page froze at worst), ms per image once warm (the page's own figure, and the wall
// clock from the click to the result drawn), ms to draw a 512-channel grid, and the 10-crop batch
// with the longest gap between frames while it runs. Then the page's WASM ms per image against
// `cli bench --backend wasm`'s network and image figures, timed just before and just after the
// page (the machine's load changes; both are printed, with the load average), and the page's
// figure split into its parts (preprocess, pass, readback, as the engine marks them).
// Uses the existing build/ (run `npm run build` first; the weights must be converted).
// Usage: node scripts/bench-live.mjs [webgpu] [webgl] [wasm] [cpu] [--quick]
//   (default: all four; --quick skips the grid and the crops, for the per-image figures alone)
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const named = args.filter((a) => !a.startsWith('--'));
const backends = named.length ? named : ['webgpu', 'webgl', 'wasm', 'cpu'];
const WARM_RUNS = { webgpu: 5, webgl: 5, wasm: 15, cpu: 2 };
const LAYER_512 = 'inception_4a/output';

/** @param {import('playwright-core').Page} page @param {number} after @param {number} timeout */
const nextResult = (page, after, timeout = 300_000) =>
	page.waitForFunction((n) => (/** @type {any} */ (window).__inceptionDebug?.runs() ?? 0) > n, after, { timeout, polling: 50 });

/** The first result's time, and the longest task on the page's thread until then. @param {import('playwright-core').Page} page */
const firstResult = (page) =>
	page.evaluate(() => {
		const at = performance.getEntriesByName('inception:first-result')[0]?.startTime ?? NaN;
		const tasks = /** @type {any} */ (window).__longTasks ?? [];
		const before = tasks.filter((/** @type {{start: number}} */ t) => t.start < at);
		return { ms: Math.round(at), longest: Math.round(Math.max(0, ...before.map((/** @type {{ms: number}} */ t) => t.ms))), longTasks: before.length };
	});

/** Records every long task (over 50 ms) on the page's thread from the start of each page load. */
const watchLongTasks = () => {
	const w = /** @type {any} */ (window);
	w.__longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		w.__longTasks = null;
	}
};

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () => os.loadavg()[0]?.toFixed(2);

/** `cli bench` for our WASM kernels on all cores, as the CLI runs them. */
function cliBench() {
	const child = spawnSync('npm', ['run', '--silent', 'cli', '--', 'bench', '--backend', 'wasm', '--precision', 'float16', '--json'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const last = child.stdout.trim().split('\n').pop();
	if (child.status !== 0 || !last) throw new Error(`cli bench failed (exit ${child.status})`);
	return /** @type {{ networkMs: number, networkMinMs: number, imageMs: number, threads: number, load: number }} */ (JSON.parse(last));
}

/** @param {import('playwright-core').Browser} browser @param {string} base @param {string} backend */
async function bench(browser, base, backend) {
	// A tall viewport with the grid's scroll box opened up, so all 512 channels are in view.
	const context = await browser.newContext({ viewport: { width: 1280, height: 6000 } });
	await context.addInitScript(watchLongTasks);
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
	const cold = await firstResult(page);

	await page.reload();
	await nextResult(page, 0);
	const warm = await firstResult(page);
	const cached = (await page.getByTestId('weights-ready').innerText()).includes("browser's cache");

	const times = [];
	const walls = [];
	for (let i = 0; i < (WARM_RUNS[/** @type {keyof typeof WARM_RUNS} */ (backend)] ?? 3); i++) {
		const n = await page.evaluate(() => /** @type {any} */ (window).__inceptionDebug.runs());
		const t0 = await page.evaluate(() => performance.now());
		await page.getByRole('button', { name: 'Run again' }).click();
		await nextResult(page, n);
		walls.push(await page.evaluate((t) => performance.now() - t, t0));
		times.push(Number((await page.getByTestId('ms-per-image').innerText()).replace(/ ms$/, '')));
	}
	// Where those runs spent their time: the engine marks each part on the page's timeline.
	const parts = await page.evaluate((n) => {
		/** @type {Record<string, number[]>} */
		const out = {};
		for (const part of ['preprocess', 'pass', 'readback'])
			out[part] = performance.getEntriesByName(`inception:${part}`).slice(-n).map((e) => e.duration);
		return out;
	}, times.length);
	const split = Object.entries(parts)
		.filter(([, xs]) => xs.length)
		.map(([part, xs]) => `${part} ${median(xs).toFixed(1)} ms`)
		.join(', ');
	const result = { backend, inUse, cold, warm, cached, perImage: median(times), wall: Math.round(median(walls)), runs: times.length, split };
	if (quick) {
		await context.close();
		return { ...result, layerSwitch: NaN, drawMs: NaN, cropsMs: NaN, maxGap: NaN };
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
		return { ...result, layerSwitch, drawMs, cropsMs: NaN, maxGap: NaN };
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
	return { ...result, layerSwitch, drawMs, cropsMs, maxGap };
}

/** @param {{ms: number, longest: number, longTasks: number}} f */
const first = (f) => `${f.ms} ms (longest main-thread task ${f.longest} ms, ${f.longTasks} over 50 ms)`;

const server = await startServer({ dir: 'build', port: 0 });
const browser = await launchChromium();
try {
	console.log(`Live page benchmark: headless Chromium ${browser.version()}, ${os.cpus().length} cores, ${new Date().toISOString()}`);
	console.log(`load average (1 min) at the start: ${load()}: figures from a busy machine are slower, compare only figures from one run`);
	const before = backends.includes('wasm') ? cliBench() : null;
	/** @type {Awaited<ReturnType<typeof bench>>[]} */
	const results = [];
	for (const backend of backends) {
		try {
			const r = await bench(browser, server.url, backend);
			results.push(r);
			console.log(`\n${r.backend}: ${r.inUse}`);
			console.log(`  first result, cold visit (weights downloaded): ${first(r.cold)}`);
			console.log(`  first result, warm visit (weights ${r.cached ? "from the browser's cache" : 'NOT cached!'}): ${first(r.warm)}`);
			console.log(`  one image, warm (median of ${r.runs}): ${r.perImage} ms as the page reports it; ${r.wall} ms from the click to the result drawn`);
			if (r.split) console.log(`  its parts (median): ${r.split}`);
			if (!quick) {
				console.log(`  512-channel grid: layer switch ${r.layerSwitch} ms, paint ${r.drawMs} ms`);
				console.log(`  10 crops: ${Number.isNaN(r.cropsMs) ? 'skipped' : `${r.cropsMs} ms, longest gap between frames ${r.maxGap} ms`}`);
			}
		} catch (e) {
			console.log(`\n${backend}: failed: ${/** @type {Error} */ (e).message.split('\n')[0]}`);
		}
	}
	const after = before ? cliBench() : null;
	const wasm = results.find((r) => r.backend === 'wasm');
	if (before && after && wasm) {
		const cli = (/** @type {typeof before} */ c) => `network ${c.networkMs} ms (fastest ${c.networkMinMs}), image ${c.imageMs} ms, ${c.threads} threads, load ${c.load}`;
		const image = Math.min(before.imageMs, after.imageMs);
		console.log('\nThe page against the CLI (our WASM kernels, float16 weights, one 1-crop image, median):');
		console.log(`  cli bench before the page: ${cli(before)}`);
		console.log(`  cli bench after the page:  ${cli(after)}`);
		console.log(`  page (${wasm.inUse}): ${wasm.perImage} ms per image (its own figure: pixels to probabilities, with the auxiliary heads and one feature map read back)`);
		console.log(`  page / CLI image (the CLI's better of the two): ${(wasm.perImage / image).toFixed(2)}x (target: at most 1.3x)`);
	}
	console.log(`\nload average (1 min) at the end: ${load()}`);
} finally {
	await browser.close();
	await server.close();
}
