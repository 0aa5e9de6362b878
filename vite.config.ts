import { sveltekit } from '@sveltejs/kit/vite';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import { googlenetHero } from './scripts/vite-hero.mjs';
import { googlenetKernels } from './scripts/vite-kernels.mjs';
import { modelFilesOnly } from './scripts/vite-model-files.mjs';
import { tfjsWasmThreads } from './scripts/vite-tfjs-wasm-threads.mjs';

const isolation = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp'
};

export default defineConfig({
	plugins: [tfjsWasmThreads(), googlenetKernels(), googlenetHero(), modelFilesOnly(), sveltekit()],
	// Workers are bundled apart: the gradient worker runs tfjs-wasm's threads too.
	worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
	build: {
		// SvelteKit's prerender step runs inside writeBundle, so rolldown's "slow plugin" notice
		// fires on every build; it is expected and not actionable.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	// Same cross-origin isolation as scripts/serve.mjs, so threaded WASM also works in dev.
	server: {
		headers: isolation,
		// Setting fs.allow replaces Vite's default (the workspace root), so keep that and name
		// the root-level folders the app imports from, so they stay servable if the root moves.
		fs: { allow: [searchForWorkspaceRoot(process.cwd()), 'components', 'notebooks'] }
	},
	preview: { headers: isolation },
	test: {
		projects: [
			{
				extends: true, // inherit the sveltekit plugin, so $lib/$components resolve in unit tests
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					fileParallelism: false, // one browser at a time against one server
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
