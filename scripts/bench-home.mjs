// Benchmark (not a test): how soon the home page shows the network at work on a warm visit.
// Serves the existing build/ (run `npm run build` first; without weights in it there is no
// top 5 and the figure is blank), opens / once in headless Chromium to warm the cache, then
// times `visits` more visits in the same browser context (the weights' requests blocked, as
// they are never needed), every figure in ms from navigation start:
//   fcp      first-contentful-paint;
//   top5     the first animation frame in which the hero's top 5 is laid out with a size (an
//            init script checks every frame from the document's start);
//   sprite   the thumbnails' sprite sheet received (its resource timing's responseEnd);
//   load     the load event.
// Prints the median (min, max) of each.
// Usage: node scripts/bench-home.mjs [visits=10] [width=1280]
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const visits = Number(process.argv[2] ?? 10);
const width = Number(process.argv[3] ?? 1280);
const server = await startServer({ dir: 'build', port: 0 });
const browser = await launchChromium();

/** @param {number[]} xs */
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** @param {number} x */
const f = (x) => x.toFixed(1).padStart(7);

try {
	const context = await browser.newContext({ viewport: { width, height: 800 } });
	await context.route('**/models/**', (route) => route.abort());
	await context.addInitScript(() => {
		const w = /** @type {any} */ (window);
		const check = () => {
			const el = document.querySelector('[data-testid="hero-top5"] li');
			if (el && el.getBoundingClientRect().height > 0) w.__top5 = performance.now();
			else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	});
	const page = await context.newPage();
	await page.goto(`${server.url}/`, { waitUntil: 'load' }); // cold: fills the cache
	/** @type {Record<string, number[]>} */
	const runs = { fcp: [], top5: [], sprite: [], load: [] };
	for (let i = 0; i < visits; i += 1) {
		await page.goto(`${server.url}/`, { waitUntil: 'load' });
		await page.waitForFunction(() => /** @type {any} */ (window).__top5 !== undefined, null, { timeout: 10_000 });
		const t = await page.evaluate(() => {
			const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
			const sprite = performance.getEntriesByType('resource').find((r) => r.name.includes('/generated/hero/'));
			return {
				fcp,
				top5: /** @type {any} */ (window).__top5,
				sprite: sprite ? /** @type {PerformanceResourceTiming} */ (sprite).responseEnd : NaN,
				load: nav.loadEventStart
			};
		});
		for (const [k, v] of Object.entries(t)) runs[k].push(v);
	}
	console.log(`home page, warm visits: ${visits}, ${width}px wide; ms from navigation start, median (min, max)`);
	for (const [k, xs] of Object.entries(runs))
		console.log(`  ${k.padEnd(7)} ${f(median(xs))}  (${f(Math.min(...xs))}, ${f(Math.max(...xs))})`);
} finally {
	await browser.close();
	await server.close();
}
