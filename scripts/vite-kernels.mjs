// Vite plugin: the project's WASM kernels (src/kernels/, AssemblyScript) for the browser, built
// from source with the same compiler call and cache as Node (src/lib/node/kernel-build.ts), so no
// binary is ever committed. Browser code imports `kernelsUrl` from 'virtual:googlenet-kernels':
// one URL per variant (`shared` for threads, `single` for pages without cross-origin isolation).
// A build emits both as hashed assets; `vite dev` serves them from a middleware.
import { join } from 'node:path';
import { buildKernels, KERNEL_FLAGS, KERNEL_SOURCE_DIR, kernelSources } from '../src/lib/node/kernel-build.js';

const ID = 'virtual:googlenet-kernels';
const RESOLVED = `\0${ID}`;
const DEV_PATH = /\/@googlenet-kernels\/(\w+)\.wasm$/;
const VARIANTS = /** @type {import('../src/lib/node/kernel-build.js').KernelVariant[]} */ (Object.keys(KERNEL_FLAGS));

/** @returns {import('vite').Plugin} */
export function googlenetKernels() {
	let serve = false;
	let base = '/';
	return {
		name: 'googlenet-kernels',
		configResolved(config) {
			serve = config.command === 'serve';
			base = config.base;
		},
		resolveId: (id) => (id === ID ? RESOLVED : null),
		async load(id) {
			if (id !== RESOLVED) return null;
			for (const s of kernelSources()) this.addWatchFile(join(KERNEL_SOURCE_DIR, s.name));
			if (serve) {
				const urls = Object.fromEntries(VARIANTS.map((v) => [v, `${base}@googlenet-kernels/${v}.wasm`]));
				return `export const kernelsUrl = ${JSON.stringify(urls)};`;
			}
			const entries = await Promise.all(
				VARIANTS.map(async (v) => {
					const ref = this.emitFile({ type: 'asset', name: `googlenet-kernels-${v}.wasm`, source: await buildKernels(v) });
					return `${JSON.stringify(v)}: import.meta.ROLLUP_FILE_URL_${ref}`;
				})
			);
			return `export const kernelsUrl = { ${entries.join(', ')} };`;
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const variant = DEV_PATH.exec(new URL(req.url ?? '/', 'http://dev').pathname)?.[1];
				const known = VARIANTS.find((v) => v === variant);
				if (!known) return next();
				buildKernels(known).then(
					(bytes) => {
						res.setHeader('Content-Type', 'application/wasm');
						res.setHeader('Cache-Control', 'no-cache');
						res.end(bytes);
					},
					(/** @type {Error} */ e) => next(e)
				);
			});
		}
	};
}
