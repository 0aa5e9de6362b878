/**
 * A fingerprint of the site's converted weights, without downloading them: model.json's text and
 * each shard's validators (ETag, Last-Modified, Content-Length, from HEAD requests). A new
 * conversion changes them, so cached pictures of the old weights are not shown for the new.
 * Null when they cannot be asked (offline, no weights): then nothing is cached.
 */
import type { Precision } from '$lib/engine/manifest';
import { fnv64 } from './vis-key';

const known = new Map<string, Promise<string | null>>();

async function compute(base: string, precision: Precision): Promise<string | null> {
	try {
		const dir = new URL(`${precision}/`, new URL(base, location.href));
		const response = await fetch(new URL('model.json', dir), { cache: 'no-cache' });
		if (!response.ok) return null;
		const text = await response.text();
		const model = JSON.parse(text) as { weightsManifest?: { paths?: unknown }[] };
		const paths = (model.weightsManifest ?? []).flatMap((g) => (Array.isArray(g.paths) ? g.paths.map(String) : []));
		const validators = await Promise.all(
			paths.map(async (p) => {
				const head = await fetch(new URL(p, dir), { method: 'HEAD', cache: 'no-cache' });
				if (!head.ok) throw new Error(`${p}: HTTP ${head.status}`);
				return ['etag', 'last-modified', 'content-length'].map((h) => head.headers.get(h) ?? '').join(',');
			})
		);
		return `${precision}-${fnv64([text, ...validators].join('\n'))}`;
	} catch {
		return null;
	}
}

/** Asked once per visit and precision. */
export function weightsFingerprint(base: string, precision: Precision): Promise<string | null> {
	const key = `${base}|${precision}`;
	let found = known.get(key);
	if (!found) {
		found = compute(base, precision);
		known.set(key, found);
	}
	return found;
}
