// `npm start`: build the site, make sure model weights are in static/, then serve build/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { startServer } from './serve.mjs';

// Both precisions are written by one `npm run weights`; the page loads float16 by default.
const WEIGHTS = ['float16', 'float32'].map((p) => `static/models/googlenet/${p}/model.json`);
const SHARED_WEIGHTS = '../shared/models/bvlc_googlenet'; // present on dev machines and in CI
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @param {string[]} args */
function npmRun(args) {
	return spawnSync(npm, ['run', ...args], { stdio: 'inherit' }).status === 0;
}

// Weights first: static/ is copied into build/ by the build.
if (!WEIGHTS.every((file) => existsSync(file))) {
	const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
	const from = existsSync(SHARED_WEIGHTS) ? ['--', '--from', SHARED_WEIGHTS] : [];
	const ok = 'weights' in scripts && npmRun(['weights', ...from]);
	if (!ok) {
		console.warn(
			`\nNote: no model weights in static/models/googlenet/; the live classifier will be unavailable.\n` +
				'Add them with:  npm run weights -- --from PATH   (PATH: a bvlc_googlenet folder or .caffemodel)\n' +
				'The rest of the notebook works without them.\n'
		);
	}
}

// Always rebuild: it takes seconds and never serves a stale site. The build makes the home page's
// hero from the weights first (scripts/vite-hero.mjs; cached, so only a change recomputes it).
if (!npmRun(['build'])) {
	console.error('Build failed.');
	process.exit(1);
}

const { url, close } = await startServer({ dir: 'build', port: Number(process.env.PORT ?? 4173) });
console.log(`\n  Going Deeper, Interactively is running at ${url}/\n  (Ctrl+C to stop)\n`);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => void close().then(() => process.exit(0)));
}
