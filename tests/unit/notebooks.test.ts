// Every chapter in notebooks/ must compile (mdsvex, then Svelte) with the site's own options,
// so a Markdown slip fails here in milliseconds rather than in the build.
import { readdirSync, readFileSync } from 'node:fs';
import { compile as compileMarkdown } from 'mdsvex';
import { compile as compileSvelte } from 'svelte/compiler';
import { describe, expect, test } from 'vitest';
import { mdsvexOptions } from '../../svelte.config.js';

const files = readdirSync('notebooks').filter((name) => name.endsWith('.md'));

describe('notebooks', () => {
	test('the folder has Markdown files', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	test.each(files)('%s compiles to a Svelte component', async (name) => {
		const source = readFileSync(`notebooks/${name}`, 'utf8');
		const markdown = await compileMarkdown(source, { ...mdsvexOptions, filename: name });
		expect(markdown?.code).toBeTruthy();
		const { js } = compileSvelte(markdown!.code, { filename: name, generate: 'server' });
		expect(js.code.length).toBeGreaterThan(0);
	});
});
