// Benchmark of the gradient worker in headless Chromium (not a test: it prints figures), against
// the existing build/ (run `npm run build` first; the weights must be converted).
// Per backend (tfjs-wasm; WebGL on SwiftShader or a real GPU; WebGPU on its adapter): ms per
// feature-visualization step of an inception_4c/output channel at 128x128, in the worker, from the
// wall time of a long job minus a short one (so loading and compiling are left out). Then, on
// WASM, the wall time to a finished picture with the widget's defaults (128 steps, 128x128) of
// inception_4c/output channel 0, from the click to "made in" (--no-picture leaves it out), and
// with --gallery the pictures of a few channels from conv2 to 5b (saved under $BENCH_OUT,
// default /tmp/bench-gradients). Peak memory: the resident memory of Chromium's processes and
// this script together, sampled every 250 ms.
// --quick: WASM only unless backends are named, one short and one 6-step job: about a minute
// and a half on a quiet 2-core machine, the default picture included.
// Usage: node scripts/bench-gradients-browser.mjs [wasm] [webgl] [webgpu] [--quick] [--no-picture] [--gallery]
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium.mjs';
import { peakMemory } from './proc-memory.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const named = args.filter((a) => !a.startsWith('--'));
const backends = named.length ? named : quick ? ['wasm'] : ['wasm', 'webgl', 'webgpu'];
const LONG = quick ? 6 : 12;
const REPEATS = quick ? 1 : 2;
const memory = peakMemory();
const mib = (/** @type {number | null} */ m) => (m === null ? 'n/a' : `${m.toFixed(0)} MiB`);
const PAGE = '/chapters/feature-visualization/';
const LAYER = 'inception_4c/output';
const OUT = process.env.BENCH_OUT ?? '/tmp/bench-gradients';
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	headless: true,
	args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader']
});
const server = await startServer({ dir: 'build', port: 0 });

/** @param {string} backend */
async function open(backend) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
	page.on('pageerror', (e) => console.warn(`page error: ${e.message}`));
	await page.goto(`${server.url}${PAGE}?backend=${backend}`);
	await page.waitForFunction(() => '__gradientDebug' in window, undefined, { timeout: 60_000 });
	return page;
}

/** Wall ms of one job of `steps` steps. @param {import("playwright-core").Page} page @param {number} steps @param {number} [size] @param {string} [layer] */
const timed = (page, steps, size = 128, layer = LAYER) =>
	page.evaluate(
		async ([layer, steps, size]) => {
			const t = performance.now();
			await /** @type {any} */ (window).__gradientDebug.visualize(layer, 0, steps, size);
			return performance.now() - t;
		},
		/** @type {const} */ ([layer, steps, size])
	);

console.log(`load average at start: ${load()} (${os.cpus().length} cores)`);
for (const backend of backends) {
	const page = await open(backend);
	try {
		const first = await timed(page, 2);
		const engine = await page.evaluate(() => /** @type {any} */ (window).__gradientDebug.engine());
		const short = [];
		const long = [];
		for (let i = 0; i < REPEATS; i++) {
			short.push(await timed(page, 2));
			long.push(await timed(page, LONG));
		}
		const perStep = (Math.min(...long) - Math.min(...short)) / (LONG - 2);
		console.log(
			`${backend}: ran on ${engine?.backend}${engine?.reason ? ` (${engine.reason})` : ''}; first job (weights, compile, 2 steps) ${(first / 1000).toFixed(1)} s; ${perStep.toFixed(0)} ms per step of ${LAYER} at 128x128; peak memory so far ${mib(memory.now())}; load ${load()}`
		);
	} catch (e) {
		console.log(`${backend}: failed: ${/** @type {Error} */ (e).message.split('\n')[0]}`);
	} finally {
		await page.close();
	}
}

/** The widget's own run, from the click to "made in". @param {string} layer @param {number} channel @param {string} file */
async function picture(layer, channel, file) {
	const page = await open('wasm');
	try {
		await page.getByTestId('vis-layer').selectOption(layer);
		await page.getByTestId('vis-channel').fill(String(channel));
		await page.getByTestId('vis-start').click();
		const t = Date.now();
		await page.waitForFunction(() => /made in/.test(document.querySelector('[data-testid="vis-status"]')?.textContent ?? ''), undefined, { timeout: 600_000, polling: 250 });
		const wall = Date.now() - t;
		const peak = memory.now();
		const status = (await page.getByTestId('vis-status').innerText()).replace(/\s+/g, ' ');
		await mkdir(OUT, { recursive: true });
		await page.locator('[data-testid="vis-pictures"]').screenshot({ path: `${OUT}/${file}` });
		console.log(`wasm, ${layer} channel ${channel}, default settings: ${(wall / 1000).toFixed(1)} s from the click (${status}); peak memory so far ${mib(peak)}; load ${load()}; picture ${OUT}/${file}`);
	} finally {
		await page.close();
	}
}

if (!args.includes('--no-picture')) await picture(LAYER, 0, 'inception_4c-0.png');
if (args.includes('--gallery'))
	for (const [layer, channel] of [['conv2/3x3', 3], ['inception_3b/output', 5], ['inception_4c/output', 7], ['inception_5b/output', 9]])
		await picture(/** @type {string} */ (layer), /** @type {number} */ (channel), `${String(layer).replace(/\//g, '-')}-${channel}.png`);

await browser.close();
await server.close();
console.log(`peak memory (Chromium's processes and this script): ${mib(memory.stop())}; load at the end ${load()}`);
