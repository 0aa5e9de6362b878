// What scripts/serve.mjs needs to map a request onto a file safely and to answer it well: the
// content types, the URL-path check, the real-path lookup that keeps every answer inside the
// served folder, and the HTTP validators (ETag, Last-Modified) and byte ranges.
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** @type {Record<string, string>} */
export const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.xml': 'application/xml',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf'
};

/**
 * Checks a decoded URL path: 'bad' for a `.` or `..` segment (however it was encoded), a
 * backslash or a NUL; 'hidden' for a segment starting with a dot (temporary and marker files
 * never belong to the site); else 'ok'.
 * @param {string} pathname
 * @returns {'ok' | 'bad' | 'hidden'}
 */
export function checkPath(pathname) {
	if (!pathname.startsWith('/') || /[\\\0]/.test(pathname)) return 'bad';
	const segments = pathname.split('/').slice(1);
	if (segments.some((s) => s === '.' || s === '..')) return 'bad';
	return segments.some((s) => s.startsWith('.')) ? 'hidden' : 'ok';
}

/** @param {string} root @param {string} path real path */
const inside = (root, path) => path === root || path.startsWith(root + sep);

/**
 * Maps a checked URL path onto a file whose real path (links resolved) is inside root.
 * Directories need a trailing slash (the site is built with trailingSlash 'always', and relative
 * asset URLs depend on it), so a bare directory path yields a redirect.
 * @param {string} root absolute, real path of the served folder
 * @param {string} pathname decoded URL path that passed checkPath
 * @returns {Promise<{file: string} | {redirect: true} | null>}
 */
export async function locate(root, pathname) {
	/** @param {string} path */
	const real = async (path) => {
		try {
			const r = await realpath(path);
			return inside(root, r) ? { path: r, info: await stat(r) } : null;
		} catch {
			return null; // missing, a link loop, no permission: not found
		}
	};
	const target = await real(join(root, pathname));
	if (target?.info.isDirectory()) {
		if (!pathname.endsWith('/')) return { redirect: true };
		const index = await real(join(target.path, 'index.html'));
		return index?.info.isFile() ? { file: index.path } : null;
	}
	return target?.info.isFile() ? { file: target.path } : null;
}

/** @param {{size: number, mtimeMs: number}} info */
export const etagOf = (info) => `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;

/**
 * True when the client's copy is current (answer 304): If-None-Match against the ETag, else
 * If-Modified-Since against the modification time (whole seconds, as HTTP dates are).
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} etag
 * @param {number} mtimeMs
 */
export function notModified(headers, etag, mtimeMs) {
	const match = headers['if-none-match'];
	if (match !== undefined) return match.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
	const since = Date.parse(headers['if-modified-since'] ?? '');
	return Number.isFinite(since) && Math.floor(mtimeMs / 1000) <= Math.floor(since / 1000);
}

/**
 * The one byte range asked for: null to send the whole file (no Range, several ranges, a
 * malformed one, or an If-Range that no longer matches), 'unsatisfiable' for 416.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {number} size
 * @param {string} etag
 * @param {string} lastModified
 * @returns {{start: number, end: number} | 'unsatisfiable' | null}
 */
export function byteRange(headers, size, etag, lastModified) {
	const m = /^bytes=(\d*)-(\d*)$/.exec((headers.range ?? '').trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	const ifRange = headers['if-range'];
	if (ifRange !== undefined && ifRange !== etag && ifRange !== lastModified) return null;
	if (m[1] === '') {
		const n = Number(m[2]);
		return n === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
	}
	const start = Number(m[1]);
	const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	if (m[2] !== '' && Number(m[2]) < start) return null;
	return start >= size ? 'unsatisfiable' : { start, end };
}
