/**
 * What identifies a finished feature-visualization picture: the weights it was made from (a
 * fingerprint), the layer, the channel and every setting. Pure, for the cache and its tests.
 */
import type { FeatureVisSettings } from '$lib/engine/gradients/feature-vis';

/** A stable text for the settings: keys in sorted order, so the same settings give the same key. */
export function settingsText(s: FeatureVisSettings): string {
	const entries = Object.entries(s).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify(Object.fromEntries(entries));
}

export function visKey(fingerprint: string, layer: string, channel: number, s: FeatureVisSettings): string {
	return `${fingerprint}|${layer}|${channel}|${settingsText(s)}`;
}

/** FNV-1a, 64 bits as two 32-bit halves: a short, stable fingerprint of a text (not a security hash). */
export function fnv64(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x050c5d1f;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193) >>> 0;
		b = Math.imul(b ^ c ^ (a >>> 16), 0x01000193) >>> 0;
	}
	return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
