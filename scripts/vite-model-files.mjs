// Vite plugin: static/ is copied into the build as it is, and static/models/ may hold what a
// killed `npm run weights` left behind (src/lib/node/model-folder.ts): temporary folders
// `.googlenet-new-*` / `.googlenet-old-*`, and shards no model.json names. None of it belongs on
// the site: after Vite writes the client bundle (static/ copied in), this removes them from the
// output, before the adapter copies it into build/. The folder's marker file goes too.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TEMPORARY = /^\.googlenet-(new|old)-\d+-\d+$/;
const MARKER = '.converted-by-npm-run-weights';

/** @param {string} dir @returns {string[]} the shard files a converted model.json there names */
function namedShards(dir) {
	try {
		const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
		if (json?.format !== 'googlenet-weights') return [];
		return /** @type {{paths: string[]}[]} */ (json.weightsManifest).flatMap((g) => g.paths);
	} catch {
		return [];
	}
}

/**
 * Removes, under `dir` (recursively), temporary conversion folders, marker files, and `.bin`
 * files beside a converted model.json that it does not name. Returns what it removed.
 * @param {string} dir
 * @returns {string[]}
 */
export function pruneModelFiles(dir) {
	if (!existsSync(dir)) return [];
	/** @type {string[]} */
	const removed = [];
	const names = readdirSync(dir);
	const shards = names.includes('model.json') ? new Set(namedShards(dir)) : null;
	for (const name of names) {
		const path = join(dir, name);
		const stray = TEMPORARY.test(name) || name === MARKER || (shards !== null && name.endsWith('.bin') && !shards.has(name));
		if (stray) {
			rmSync(path, { recursive: true, force: true });
			removed.push(path);
		} else if (statSync(path).isDirectory()) removed.push(...pruneModelFiles(path));
	}
	return removed;
}

/** @returns {import('vite').Plugin} */
export function modelFilesOnly() {
	return {
		name: 'googlenet-model-files-only',
		apply: 'build',
		writeBundle(options) {
			if (options.dir) pruneModelFiles(join(options.dir, 'models'));
		}
	};
}
