import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

import { headingAnchors } from './src/lib/markdown/heading-anchors.js';

// Markdown chapters (notebooks/*.md) are compiled to Svelte components by mdsvex; every h1-h4
// gets an id and a "#" link to itself at build time.
export const mdsvexOptions = { extensions: ['.md'], rehypePlugins: [headingAnchors] };

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex(mdsvexOptions)],
	kit: {
		// Every page is prerendered (see src/routes/+layout.ts). 404.html is the shell that renders
		// src/routes/+error.svelte for an unknown address; scripts/serve.mjs sends it with status 404.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// The Korean edition (/ko/…, rerouted to the same pages by src/hooks.ts) is found by the
		// crawler through every page's language switch; /ko/ starts it off.
		prerender: { entries: ['*', '/ko/'] },
		// components/ and notebooks/ live at the repo root (design card), not under src/.
		// kit.alias also writes the matching tsconfig "paths" into .svelte-kit/tsconfig.json.
		alias: {
			$components: 'components',
			$notebooks: 'notebooks'
		},
		// Type-check the root-level folders too (svelte-check / tsc only see "include").
		typescript: {
			config(tsconfig) {
				tsconfig.include.push(
					'../components/**/*.ts',
					'../components/**/*.svelte',
					'../scripts/**/*.mjs',
					'../svelte.config.js'
				);
				// src/kernels/ is AssemblyScript (v128, load<T>): its own tsconfig, compiled by asc.
				tsconfig.exclude = [...(tsconfig.exclude ?? []), '../src/kernels/**'];
			}
		}
	}
};

export default config;
