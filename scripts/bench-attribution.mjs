// Benchmark of the live page's attribution and DeepDream, in headless Chromium against build/
// (not a test: it prints figures). Per backend the gradient worker runs on (tfjs-wasm, WebGL):
// Grad-CAM (inception_5b/output) and gradient saliency (gradient x input) for chelsea's top 5, as ms per class
// (wall clock from the click to the five maps drawn, divided by five; the first run, which
// loads the worker's weights and compiles, is reported apart), then DeepDream's wall time on a
// 224-pixel photo with the default settings. Peak memory: the resident memory of Chromium's
// processes and this script together, sampled every 250 ms.
// --quick: WASM only unless backends are named, one timed run per method: about a minute and a
// half on a quiet 2-core machine, DeepDream included (--no-dream leaves it out).
// Uses the existing build/ (run `npm run build` first; the weights must be converted).
// Usage: node scripts/bench-attribution.mjs [wasm] [webgl] [--quick] [--runs N] [--no-dream]
import os from 'node:os';
import { launchChromium } from './chromium.mjs';
import { peakMemory } from './proc-memory.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const quick = args.includes('--quick');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : quick ? 1 : 3;
const named = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
const backends = named.length ? named : quick ? ['wasm'] : ['wasm', 'webgl'];
const memory = peakMemory();
const mib = (/** @type {number | null} */ m) => (m === null ? 'n/a' : `${m.toFixed(0)} MiB`);
const dream = !args.includes('--no-dream');
const load = () => os.loadavg()[0]?.toFixed(2);
/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** @param {import('playwright-core').Page} page */
const runsOf = (page) => page.evaluate(() => Number(document.querySelector('[data-testid="attribution"]')?.getAttribute('data-runs')));

/** Wall ms from the click to the maps drawn. @param {import('playwright-core').Page} page */
async function explain(page) {
	const before = await runsOf(page);
	const t0 = Date.now();
	await page.getByTestId('attribution-run').click();
	await page.waitForFunction(
		(n) => Number(document.querySelector('[data-testid="attribution"]')?.getAttribute('data-runs')) > n || !!document.querySelector('[data-testid="attribution-error"]'),
		before,
		{ timeout: 600_000, polling: 20 }
	);
	const error = await page.getByTestId('attribution-error').count();
	if (error) throw new Error(await page.getByTestId('attribution-error').innerText());
	return Date.now() - t0;
}

/** @param {import('playwright-core').Browser} browser @param {string} base @param {string} backend */
async function bench(browser, base, backend) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
	const page = await context.newPage();
	await page.goto(`${base}/live/?image=chelsea&backend=${backend}`);
	await page.waitForFunction(() => (/** @type {any} */ (window).__inceptionDebug?.runs() ?? 0) > 0, undefined, { timeout: 300_000, polling: 100 });
	/** @type {Record<string, {first: number, warm: number, loads: boolean}>} */
	const methods = {};
	for (const [method, label] of [['gradcam', 'Grad-CAM'], ['saliency', 'Gradient saliency']]) {
		await page.getByTestId('attribution-method').getByRole('radio', { name: label }).check();
		const first = await explain(page);
		const warm = [];
		for (let i = 0; i < RUNS; i++) warm.push(await explain(page));
		methods[method] = { first, warm: median(warm), loads: Object.keys(methods).length === 0 };
	}
	let dreamMs = NaN;
	let dreamSettings = '';
	if (dream) {
		const d = page.getByTestId('dream');
		await d.getByTestId('dream-size').selectOption('224');
		dreamSettings = `${await d.getByTestId('dream-octaves').inputValue()} octaves x ${await d.getByTestId('dream-steps').inputValue()} steps, ${await d.getByTestId('dream-layer').inputValue()}`;
		const t0 = Date.now();
		await d.getByTestId('dream-start').click();
		await page.waitForFunction(
			() => /^Done/.test(document.querySelector('[data-testid="dream-progress"]')?.textContent?.trim() ?? '') || !!document.querySelector('[data-testid="dream-error"]'),
			undefined,
			{ timeout: 900_000, polling: 50 }
		);
		if (await d.getByTestId('dream-error').count()) throw new Error(await d.getByTestId('dream-error').innerText());
		dreamMs = Date.now() - t0;
	}
	await context.close();
	return { methods, dreamMs, dreamSettings };
}

const server = await startServer({ dir: 'build', port: 0 });
const browser = await launchChromium();
try {
	console.log(`Attribution and DeepDream benchmark: headless Chromium ${browser.version()}, ${os.cpus().length} cores, ${new Date().toISOString()}`);
	console.log(`load average (1 min) at the start: ${load()}`);
	for (const backend of backends) {
		try {
			const r = await bench(browser, server.url, backend);
			console.log(`\n?backend=${backend} (the gradient worker on the matching tfjs backend)`);
			for (const [m, f] of Object.entries(r.methods))
				console.log(`  ${m}: ${(f.warm / 5).toFixed(0)} ms per class (median of ${RUNS} runs of the top 5: ${f.warm} ms); first run ${f.first} ms${f.loads ? " (starts the worker and loads its weights)" : ''}`);
			if (dream) console.log(`  DeepDream, 224 px photo, defaults (${r.dreamSettings}): ${(r.dreamMs / 1000).toFixed(1)} s wall`);
			console.log(`  peak memory so far (Chromium's processes and this script): ${mib(memory.now())}`);
		} catch (e) {
			console.log(`\n${backend}: failed: ${/** @type {Error} */ (e).message.split('\n')[0]}`);
		}
	}
	console.log(`\nload average (1 min) at the end: ${load()}; peak memory ${mib(memory.stop())}`);
} finally {
	await browser.close();
	await server.close();
}
