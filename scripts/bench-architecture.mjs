// Benchmark (not a test): how long the architecture page takes to re-render the whole diagram and
// its charts when the naive/reduced switch flips. Serves the existing build/ (run `npm run build`
// first), opens the page in headless Chromium and times 20 flips with performance.now() inside
// the page, each flip after the previous one's transitions have ended:
//   update   click -> the state change applied (Svelte, the cost model, the layout, the node
//            buttons, the d3 ribbons joined and their transitions started);
//   frame    the script of the next animation frame (the tweens' first step: numbers and the
//            three Plot charts drawn again), up to the page's own requestAnimationFrame callback;
//   painted  click -> the second requestAnimationFrame (the new state painted; includes waiting
//            for the frame boundary, ~16.7 ms at 60 Hz);
//   cpu      main-thread CPU time (Chromium trace, thread time) of the tasks from the click to the
//            end of the first frame: script, style, layout and paint. Unlike the wall-clock
//            figures it hardly moves when other processes load the machine.
// Prints the median (and min, max) of each, in ms, with every module closed and every one open.
// Usage: node scripts/bench-architecture.mjs [flips=20]
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const flips = Number(process.argv[2] ?? 20);
const server = await startServer({ dir: 'build', port: 0 });
const browser = await launchChromium();

/** @param {number[]} xs */
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** @param {number} x */
const f = (x) => x.toFixed(1).padStart(6);

/**
 * @typedef {{ name: string, cat: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number, tid: number }} TraceEvent
 * @param {TraceEvent[]} events
 * @param {number} n
 */
function cpuPerFlip(events, n) {
	const marks = new Map(events.filter((e) => e.name.startsWith('flip-')).map((e) => [e.name, e]));
	const first = marks.get('flip-start-0');
	if (!first) return [];
	const tasks = events.filter(
		(e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask'
	);
	const out = [];
	for (let i = 0; i < n; i += 1) {
		const start = marks.get(`flip-start-${i}`)?.ts;
		const frame = marks.get(`flip-frame-${i}`)?.ts;
		if (start === undefined || frame === undefined) continue;
		let us = 0;
		for (const t of tasks) if (t.ts <= frame && t.ts + (t.dur ?? 0) >= start) us += t.tdur ?? t.dur ?? 0;
		out.push(us / 1000);
	}
	return out;
}

try {
	for (const [name, query] of [
		['every module closed', ''],
		['every module open', '?open=all']
	]) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
		await page.goto(`${server.url}/architecture/${query}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('[data-ready="true"]');
		await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
		const samples = await page.evaluate(async (n) => {
			const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
			/** @param {number} ms */
			const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
			const out = [];
			for (let i = 0; i < n + 2; i += 1) {
				const value = i % 2 === 0 ? 'naive' : 'reduced';
				const radio = /** @type {HTMLInputElement} */ (document.querySelector(`input[name="modules"][value="${value}"]`));
				await pause(600); // the previous flip's transitions (450 ms) have ended
				const k = i - 2;
				if (k >= 0) performance.mark(`flip-start-${k}`);
				const t0 = performance.now();
				radio.click();
				await Promise.resolve(); // Svelte applies state changes in a microtask
				await Promise.resolve();
				const t1 = performance.now();
				const frameStart = /** @type {number} */ (await nextFrame());
				const t2 = performance.now();
				if (k >= 0) performance.mark(`flip-frame-${k}`);
				await nextFrame();
				const t3 = performance.now();
				if (k >= 0) out.push({ update: t1 - t0, frame: Math.max(0, t2 - Math.max(frameStart, t1)), painted: t3 - t0 });
			}
			return out;
		}, flips);
		const trace = JSON.parse((await browser.stopTracing()).toString());
		const cpu = cpuPerFlip(trace.traceEvents ?? trace, flips);
		/** @type {Record<string, number[]>} */
		const columns = {
			update: samples.map((s) => s.update),
			frame: samples.map((s) => s.frame),
			painted: samples.map((s) => s.painted),
			cpu
		};
		console.log(`\n${name} (${samples.length} flips, 1280x900):`);
		console.log('             median    min    max  (ms)');
		for (const [k, xs] of Object.entries(columns))
			if (xs.length) console.log(`  ${k.padEnd(8)} ${f(median(xs))} ${f(Math.min(...xs))} ${f(Math.max(...xs))}`);
		console.log(`  update + frame: ${median(samples.map((s) => s.update + s.frame)).toFixed(1)} ms median`);
		await page.close();
	}
} finally {
	await browser.close();
	await server.close();
}
