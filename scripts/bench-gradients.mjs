// Benchmark (not a test: it prints figures) of the gradient code in Node, each figure from a
// fresh process (scripts/bench-gradients-run.ts), with the load average beside it:
//   - ms per input-gradient step (a channel of inception_4c/output) at 128x128 and 224x224 on
//     tfjs-wasm with 1 and 2 threads and on tfjs-cpu (128 only unless --cpu-224);
//   - ms per 224x224 forward pass on the own WASM kernels, for scale (they have no backward pass);
//   - wall time to a 128x128 feature visualization at the defaults of channels from conv2 to
//     inception_5b on tfjs-wasm (2 threads), each saved as a PNG into /tmp/vis-shots/ (or --shots DIR);
//   - the peak resident memory (max RSS) of each process.
// --quick: 3 steps per tfjs-wasm figure, 1 on tfjs-cpu, one 32-step picture of inception_4c #7:
// about a minute and a half on a quiet 2-core machine (3.4 min at load 14-16).
// Needs converted weights (static/models/googlenet). Usage:
//   node scripts/bench-gradients.mjs [--quick] [--cpu-224] [--shots DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const shotsAt = argv.indexOf('--shots');
const shots = shotsAt >= 0 ? argv[shotsAt + 1] : '/tmp/vis-shots';
mkdirSync(shots, { recursive: true });

/** @param {string[]} args */
function measure(args) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-gradients-run.ts', ...args], { encoding: 'utf8' });
	if (r.status !== 0) {
		process.stderr.write(`bench-gradients: ${args.join(' ')} failed: ${r.stderr.trim().split('\n').at(-1)}\n`);
		process.exit(1);
	}
	return JSON.parse(r.stdout.trim().split('\n').at(-1));
}
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const row = (/** @type {string} */ what, /** @type {string} */ figure, /** @type {number} */ rss) =>
	process.stdout.write(`${what.padEnd(44)} ${figure.padStart(12)}   max RSS ${String(rss).padStart(5)} MB   load ${load()}\n`);

const n = quick ? 3 : 7;
for (const size of [128, 224])
	for (const threads of [1, 2]) {
		const r = measure(['step', 'tfjs-wasm', String(threads), String(size), String(n)]);
		row(`gradient step, tfjs-wasm ${r.threads} thread(s), ${size}x${size}`, `${r.msPerStep.toFixed(0)} ms`, r.maxRssMB);
	}
for (const size of argv.includes('--cpu-224') ? [128, 224] : [128]) {
	const r = measure(['step', 'cpu', '1', String(size), quick ? '1' : '2']);
	row(`gradient step, tfjs-cpu, ${size}x${size}`, `${r.msPerStep.toFixed(0)} ms`, r.maxRssMB);
}
const f = measure(['forward', '2']);
row(`forward only, own WASM kernels ${f.threads} thr, 224x224`, `${f.msPerForward.toFixed(0)} ms`, f.maxRssMB);

const channels = quick
	? [['inception_4c/output', 7]]
	: [
			['conv2/3x3', 30],
			['inception_3a/output', 60],
			['inception_4c/output', 7],
			['inception_4c/output', 447],
			['inception_5b/output', 300]
		];
for (const [tap, channel] of channels) {
	const file = join(shots, `${String(tap).replace('/', '-')}-${channel}.png`);
	const r = measure(['vis', '2', String(tap), String(channel), quick ? '32' : 'default', file]);
	row(`visualize ${tap} #${channel}, ${r.steps} steps`, `${r.visS.toFixed(1)} s`, r.maxRssMB);
	process.stdout.write(`  (+${r.loadS.toFixed(1)} s to load; objective ${r.objective.toFixed(1)}; ${file})\n`);
}
