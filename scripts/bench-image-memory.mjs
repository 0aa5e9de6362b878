// Benchmark (not a test: it prints figures): peak resident memory (max RSS) of reading a large
// JPEG in Node, for a 12 MP and a 24 MP photo generated here with jpeg-js into a temporary folder
// (never committed). Each measurement runs in a fresh process:
//   decode    src/lib/node/image.ts readImage() alone;
//   classify  `cli classify IMAGE` end to end (needs converted weights in static/models/googlenet).
// Usage: node scripts/bench-image-memory.mjs [--keep]   (--keep leaves the JPEGs and prints where)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';

/** @type {[string, number, number][]} */
const SIZES = [
	['tiny ', 64, 48], // the baseline: Node, tsx and the modules loaded
	['12 MP', 4000, 3000],
	['24 MP', 6000, 4000]
];
const WEIGHTS = 'static/models/googlenet/float32/model.json';
// Printed to stderr by the measured process as it exits (after everything it allocated).
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

/**
 * A photo-like picture: smooth gradients with some noise, so the JPEG is of a realistic size.
 * @param {number} width @param {number} height
 */
function photo(width, height) {
	const data = Buffer.alloc(width * height * 4);
	let seed = 7;
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			const n = (seed >> 16) & 31;
			const i = (y * width + x) * 4;
			data[i] = ((x * 255) / width + n) & 255;
			data[i + 1] = ((y * 255) / height + n) & 255;
			data[i + 2] = (((x + y) * 128) / (width + height) + n) & 255;
			data[i + 3] = 255;
		}
	return jpeg.encode({ width, height, data }, 90).data;
}

/**
 * Max RSS in MB of `node --import tsx ...args`, and the process's result.
 * @param {string[]} args
 */
function measure(args) {
	const r = spawnSync(process.execPath, ['--import', REPORT_RSS, '--import', 'tsx', ...args], { encoding: 'utf8' });
	const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
	const said = r.stderr.replace(/maxrss=\d+\n?/, '').trim().split('\n')[0] ?? '';
	return { mb: Math.round(kb / 1024), ok: r.status === 0, said: r.status === 0 ? r.stdout.trim().split('\n')[0] ?? '' : said };
}

const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'bench-image-memory-'));
try {
	/** @param {string} file */
	const decodeScript = (file) => [
		'-e',
		`import('./src/lib/node/image.ts').then(({ readImage }) => { const p = readImage(${JSON.stringify(file)}); console.log(p.width + 'x' + p.height); })`
	];
	console.log('image   file      decode (readImage)              classify (cli, 1 crop, wasm)');
	for (const [name, width, height] of SIZES) {
		const file = join(dir, `photo-${width}x${height}.jpg`);
		const bytes = photo(width, height);
		writeFileSync(file, bytes);
		const decode = measure(decodeScript(file));
		const classify = existsSync(WEIGHTS) ? measure(['src/cli/main.ts', 'classify', file, '--json']) : null;
		/** @param {{mb: number, ok: boolean, said: string} | null} m */
		const show = (m) => (m ? `${String(m.mb).padStart(5)} MB ${m.ok ? 'ok' : 'refused'} (${m.said.slice(0, 60)})` : 'no weights: skipped');
		console.log(`${name}  ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  ${show(decode).padEnd(30)}  ${show(classify)}`);
	}
} finally {
	if (keep) console.log(`JPEGs kept in ${dir}`);
	else rmSync(dir, { recursive: true, force: true });
}
