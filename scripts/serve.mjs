// Static server for the prerendered site in build/. Sends COOP/COEP so the page is
// cross-origin isolated (SharedArrayBuffer, hence multithreaded tfjs WASM, needs it).
// Usage: node scripts/serve.mjs [dir]   (PORT env, default 4173; 127.0.0.1 only)
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.woff2': 'font/woff2'
};

const ISOLATION = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'X-Content-Type-Options': 'nosniff'
};

/** @param {string} path */
async function statOrNull(path) {
	try {
		return await stat(path);
	} catch {
		return null;
	}
}

/**
 * Maps a URL path onto a file under root. Directories need a trailing slash (the site is
 * built with trailingSlash 'always', and relative asset URLs depend on it), so a bare
 * directory path yields a redirect.
 * @param {string} root absolute, real path of the served folder
 * @param {string} pathname decoded URL path
 * @returns {Promise<{file: string, size: number} | {redirect: true} | null>}
 */
async function locate(root, pathname) {
	const target = resolve(root, '.' + pathname);
	if (target !== root && !target.startsWith(root + sep)) return null; // no escaping the root
	const info = await statOrNull(target);
	if (info?.isDirectory()) {
		if (!pathname.endsWith('/')) return { redirect: true };
		const index = join(target, 'index.html');
		const indexInfo = await statOrNull(index);
		return indexInfo?.isFile() ? { file: index, size: indexInfo.size } : null;
	}
	return info?.isFile() ? { file: target, size: info.size } : null;
}

/**
 * @param {{dir?: string, port?: number, host?: string}} [options]
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function startServer({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const root = await realpath(resolve(dir));

	const server = createServer(async (req, res) => {
		try {
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { Allow: 'GET, HEAD', ...ISOLATION }).end();
				return;
			}
			const url = new URL(req.url ?? '/', 'http://localhost');
			let pathname;
			try {
				pathname = decodeURIComponent(url.pathname);
			} catch {
				res.writeHead(400, ISOLATION).end('Bad request');
				return;
			}
			const found = await locate(root, pathname);
			if (found && 'redirect' in found) {
				// One leading slash only: "//host" would be a protocol-relative (open) redirect.
				const location = '/' + url.pathname.replace(/^\/+/, '') + '/' + url.search;
				res.writeHead(308, { Location: location, ...ISOLATION }).end();
				return;
			}
			const fallback = found ? null : await locate(root, '/404.html');
			const hit = found ?? (fallback && 'file' in fallback ? fallback : null);
			if (!hit) {
				res.writeHead(404, { 'Content-Type': MIME['.txt'], ...ISOLATION }).end('Not found');
				return;
			}
			res.writeHead(found ? 200 : 404, {
				'Content-Type': MIME[extname(hit.file).toLowerCase()] ?? 'application/octet-stream',
				'Content-Length': hit.size,
				// Hashed build assets never change; everything else is revalidated.
				'Cache-Control': pathname.startsWith('/_app/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'no-cache',
				...ISOLATION
			});
			if (req.method === 'HEAD') res.end();
			else createReadStream(hit.file).pipe(res);
		} catch (error) {
			console.error(error);
			if (!res.headersSent) res.writeHead(500, ISOLATION);
			res.end();
		}
	});

	await new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => done(undefined));
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;

	return {
		url: `http://${host}:${actualPort}`,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

// Run as a CLI only when invoked directly, not when imported by tests or start.mjs.
if (process.argv[1] && (await realpath(process.argv[1])) === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2] ?? 'build';
	if (!(await statOrNull(join(dir, 'index.html')))) {
		console.error(`No ${join(dir, 'index.html')}: run "npm run build" first.`);
		process.exit(1);
	}
	const { url } = await startServer({ dir, port: Number(process.env.PORT ?? 4173) });
	console.log(`Serving ${dir}/ at ${url}/  (Ctrl+C to stop)`);
}
