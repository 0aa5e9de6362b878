// Vite plugin: the home page's hero (static/generated/hero/: the default sample's top 5 and the
// diagram's activation thumbnails) made before a build, by
// `cli hero` in a child process (the engine and its threads stay out of Vite's process). The
// command does nothing when the hero is up to date (a hash of weights, photo and code) and
// writes nothing without weights; a failure is reported and the site is built without a hero.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {Promise<void> | undefined} */
let made; // once per build: SvelteKit runs buildStart for its client and server builds
const DONE = 'GOOGLENET_HERO_MADE'; // and may load this plugin twice: the environment is shared

/** @returns {Promise<void>} */
function makeHero() {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'src/cli/main.ts', 'hero'], {
			stdio: ['ignore', 'inherit', 'inherit']
		});
		child.on('error', (e) => {
			console.warn(`hero: not made (${e.message}); the home page shows the diagram alone`);
			resolve();
		});
		child.on('exit', (code) => {
			if (code !== 0) console.warn(`hero: not made (exit ${code}); the home page shows the diagram alone`);
			resolve();
		});
	});
}

/** @returns {import('vite').Plugin} */
export function googlenetHero() {
	return {
		name: 'googlenet-hero',
		apply: 'build', // not in `vite dev` nor vitest (they serve what the last build made)
		async buildStart() {
			if (process.env[DONE]) return;
			made ??= makeHero();
			await made;
			process.env[DONE] = '1';
		}
	};
}
