// Static server for the prerendered site in build/. Sends COOP/COEP so the page is
// cross-origin isolated (SharedArrayBuffer, hence multithreaded tfjs WASM, needs it). Serves
// only files whose real path is inside the folder (no links out, no `..` however encoded, no
// hidden files), with ETag / Last-Modified (304) and byte ranges; a client that goes away, or
// running out of file descriptors, costs one request (503), never the server.
// Usage: node scripts/serve.mjs [dir]   (PORT env, default 4173; 127.0.0.1 only)
import { open, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { byteRange, checkPath, etagOf, locate, MIME, notModified } from './serve-files.mjs';

const ISOLATION = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'X-Content-Type-Options': 'nosniff'
};

/** Errors that only mean the client went away. */
const GONE = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED']);
/** Errors that mean the server is out of something for now: answer 503, keep serving. */
const BUSY = new Set(['EMFILE', 'ENFILE', 'ENOMEM', 'EAGAIN']);

/** @param {unknown} error */
const codeOf = (error) => /** @type {NodeJS.ErrnoException} */ (error)?.code ?? '';

/** @param {unknown} error */
function report(error) {
	if (!GONE.has(codeOf(error))) console.error(`serve: ${/** @type {Error} */ (error)?.message ?? error}`);
}

/** @param {string} path */
async function statOrNull(path) {
	try {
		return await stat(path);
	} catch {
		return null;
	}
}

/**
 * Sends a file (whole, a byte range, or 304) from an open handle; the handle is closed when the
 * body ends, fails, or the client goes away.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @param {number} status 200, or 404 for the not-found page
 * @param {string} pathname
 */
async function sendFile(req, res, file, status, pathname) {
	const handle = await open(file, 'r');
	let handed = false;
	try {
		const info = await handle.stat();
		const etag = etagOf(info);
		const lastModified = info.mtime.toUTCString();
		/** @type {Record<string, string | number>} */
		const headers = {
			'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
			// Hashed build assets never change; everything else is revalidated.
			'Cache-Control': pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
			...ISOLATION
		};
		if (status === 200) Object.assign(headers, { ETag: etag, 'Last-Modified': lastModified, 'Accept-Ranges': 'bytes' });
		if (status === 200 && notModified(req.headers, etag, info.mtimeMs)) {
			res.writeHead(304, headers).end();
			return;
		}
		const range = status === 200 ? byteRange(req.headers, info.size, etag, lastModified) : null;
		if (range === 'unsatisfiable') {
			res.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
			return;
		}
		const { start, end } = range ?? { start: 0, end: info.size - 1 };
		if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
		res.writeHead(range ? 206 : status, { ...headers, 'Content-Length': end - start + 1 });
		if (req.method === 'HEAD' || end < start) {
			res.end();
			return;
		}
		handed = true; // the stream closes the handle from here on
		pipeline(handle.createReadStream({ start, end }), res, (error) => error && report(error));
	} finally {
		if (!handed) await handle.close();
	}
}

/**
 * @param {{dir?: string, port?: number, host?: string}} [options]
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function startServer({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const root = await realpath(resolve(dir));

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	async function answer(req, res) {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', ...ISOLATION }).end();
			return;
		}
		// The path as sent: a URL parser would quietly resolve `%2e%2e` segments first.
		const [rawPath = '', search = ''] = (req.url ?? '/').split(/\?(.*)/s);
		let pathname;
		try {
			pathname = decodeURIComponent(rawPath);
		} catch {
			pathname = '';
		}
		const check = checkPath(pathname);
		if (check === 'bad') {
			res.writeHead(400, { 'Content-Type': MIME['.txt'], ...ISOLATION }).end('Bad request');
			return;
		}
		const found = check === 'ok' ? await locate(root, pathname) : null;
		if (found && 'redirect' in found) {
			// One leading slash only: "//host" would be a protocol-relative (open) redirect.
			const location = '/' + rawPath.replace(/^\/+/, '') + '/' + (search ? `?${search}` : '');
			res.writeHead(308, { Location: location, ...ISOLATION }).end();
			return;
		}
		const fallback = found ? null : await locate(root, '/404.html');
		const hit = found ?? (fallback && 'file' in fallback ? fallback : null);
		if (!hit) {
			res.writeHead(404, { 'Content-Type': MIME['.txt'], ...ISOLATION }).end('Not found');
			return;
		}
		await sendFile(req, res, hit.file, found ? 200 : 404, pathname);
	}

	// No error, from a request or from the listening socket, may end the server.
	const server = createServer((req, res) => {
		answer(req, res).catch((error) => {
			report(error);
			if (res.headersSent) res.destroy();
			else if (BUSY.has(codeOf(error))) res.writeHead(503, { 'Retry-After': '1', ...ISOLATION }).end('Busy, try again');
			else res.writeHead(500, ISOLATION).end();
		});
	});
	server.on('clientError', (error, socket) => {
		report(error);
		socket.destroy();
	});

	await new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			server.off('error', fail);
			server.on('error', report);
			done(undefined);
		});
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
