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
// Prints the median (and min, max) of each, in ms, with the activations off (every module closed)
// and on (the photo's thumbnails in every node: every module closed, and every one open).
// Then, with the activations on, 50 photo changes (the samples in turn, each waited for: its top 5,
// one pass with every node's map, the thumbnails): the ms of a pass and of the thumbnails, the
// page thread's tasks over 50 ms meanwhile (Chromium trace: wall and CPU time) by the phase they
// started in, and the page's JS heap
// after a forced GC (CDP) after the first 5 changes and after all 50: it should not grow.
// Usage: node scripts/bench-architecture.mjs [flips=20] [photos=50]
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const flips = Number(process.argv[2] ?? 20);
const photos = Number(process.argv[3] ?? 50);
/** Activations wait on the WASM backend (headless Chromium's GPUs are software ones). */
const BACKEND = 'backend=wasm';
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

/**
 * The page at `query`, ready; with the activations on, once the photo's thumbnails are drawn.
 * @param {string} query
 * @param {boolean} activations
 */
async function open(query, activations) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
	await page.goto(`${server.url}/architecture/${query}`, { waitUntil: 'networkidle' });
	await page.waitForSelector('[data-ready="true"]');
	if (activations) await page.waitForSelector('.thumbs .thumb', { timeout: 180_000 });
	return page;
}

/** @param {import('playwright-core').Page} page */
async function heapMiB(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.collectGarbage');
	const usage = /** @type {{ usedSize: number, backingStorageSize?: number }} */ (await cdp.send('Runtime.getHeapUsage'));
	await cdp.detach();
	return { used: usage.usedSize / 2 ** 20, backing: (usage.backingStorageSize ?? NaN) / 2 ** 20 };
}

/**
 * `n` photo changes through the samples, each waited for; timings and heap before and after.
 * @param {number} n
 */
async function photoChanges(n) {
	const page = await open(`?${BACKEND}`, true);
	await page.getByText('Another photo').click();
	await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
	const samples = ['coffee', 'astronaut', 'rocket', 'chelsea'];
	/** @type {number[]} */ const pass = [];
	/** @type {number[]} */ const thumbs = [];
	/** @type {number[]} */ const whole = [];
	let before = { used: NaN, backing: NaN };
	for (let i = 0; i < n; i += 1) {
		if (i === 5) before = await heapMiB(page);
		const done = Number(await page.locator('.layout').getAttribute('data-activations-done'));
		const t0 = Date.now();
		await page.locator(`button[data-sample="${samples[i % samples.length]}"]`).click();
		await page.waitForSelector(`.layout[data-activations-done="${done + 1}"]`, { timeout: 120_000 });
		whole.push(Date.now() - t0);
		const [p, t] = String(await page.locator('.layout').getAttribute('data-activations-ms')).split(',').map(Number);
		pass.push(p);
		thumbs.push(t);
	}
	const after = await heapMiB(page);
	const trace = JSON.parse((await browser.stopTracing()).toString());
	const long = longTasks(trace.traceEvents ?? trace);
	await page.close();
	return { pass, thumbs, whole, before, after, long };
}

/**
 * The page thread's tasks over 50 ms, by the phase they started in: the activations' pass
 * (LiveEngine.tapMany, from its call to its maps read back), their thumbnails and sheet, or the
 * rest (decoding the photo, the top 5's own pass, drawing the page); wall and CPU (thread) time.
 * @param {TraceEvent[]} events
 */
function longTasks(events) {
	const marks = events.filter((e) => e.name.startsWith('activations:')).sort((a, b) => a.ts - b.ts);
	const first = marks[0];
	/** @type {Record<string, { wall: number, cpu: number }[]>} */
	const by = { pass: [], thumbnails: [], rest: [] };
	if (!first) return by;
	for (const t of events) {
		if (t.pid !== first.pid || t.tid !== first.tid || t.ph !== 'X' || t.name !== 'ThreadControllerImpl::RunTask') continue;
		const wall = (t.dur ?? 0) / 1000;
		if (wall < 50) continue;
		const before = marks.filter((m) => m.ts <= t.ts).pop();
		const phase = before?.name === 'activations:pass' ? 'pass' : before?.name === 'activations:thumbnails' ? 'thumbnails' : 'rest';
		by[phase]?.push({ wall, cpu: (t.tdur ?? t.dur ?? 0) / 1000 });
	}
	return by;
}

try {
	/** @type {[string, string, boolean][]} */
	const configurations = [
		['activations off, every module closed', '?activations=off', false],
		['activations on, every module closed', `?${BACKEND}`, true],
		['activations on, every module open', `?open=all&${BACKEND}`, true]
	];
	for (const [name, query, activations] of configurations) {
		const page = await open(query, activations);
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
	if (photos > 0) {
		const r = await photoChanges(photos);
		console.log(`\n${photos} photo changes, activations on (1280x900, WASM):`);
		console.log('             median    min    max  (ms)');
		for (const [k, xs] of Object.entries({ pass: r.pass, thumbs: r.thumbs, 'click->drawn': r.whole }))
			console.log(`  ${k.padEnd(12)} ${f(median(xs))} ${f(Math.min(...xs))} ${f(Math.max(...xs))}`);
		console.log('  page-thread tasks over 50 ms (wall), by phase:  count  wall>100  longest wall  longest cpu');
		for (const [phase, xs] of Object.entries(r.long)) {
			const top = (/** @type {'wall' | 'cpu'} */ k) => (xs.length ? `${Math.max(...xs.map((x) => x[k])).toFixed(0)} ms` : '-');
			console.log(`    ${phase.padEnd(44)} ${String(xs.length).padStart(5)} ${String(xs.filter((x) => x.wall > 100).length).padStart(9)} ${top('wall').padStart(13)} ${top('cpu').padStart(12)}`);
		}
		const mib = (/** @type {number} */ x) => `${x.toFixed(1)} MiB`;
		console.log(`  JS heap after GC: ${mib(r.before.used)} after 5 changes, ${mib(r.after.used)} after ${photos} (${(r.after.used - r.before.used >= 0 ? '+' : '') + (r.after.used - r.before.used).toFixed(1)} MiB)`);
		if (Number.isFinite(r.before.backing))
			console.log(`  array buffers (backing stores): ${mib(r.before.backing)} after 5, ${mib(r.after.backing)} after ${photos}`);
	}
} finally {
	await browser.close();
	await server.close();
}
