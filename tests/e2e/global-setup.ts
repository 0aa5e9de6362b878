// Runs once before the e2e files: builds the site, serves build/ on a random port,
// and hands the base URL to the tests (inject('baseURL')).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.mjs';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	if (process.env.E2E_SKIP_BUILD !== '1') {
		const build = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
		if (build.status !== 0) {
			throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
		}
	}
	if (!existsSync('build/index.html')) {
		throw new Error('No build/index.html: run "npm run build" or unset E2E_SKIP_BUILD.');
	}
	const server = await startServer({ dir: 'build', port: 0 });
	project.provide('baseURL', server.url);
	return () => server.close();
}
