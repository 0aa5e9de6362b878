// How the live page names things in the reader's edition: an ImageNet class (its first synonym,
// through imagenetName) and a test-time crop (`288, left square, top left, mirrored`).
import type { CropKind } from '$lib/core/crops';
import { imagenetName } from '$lib/i18n/imagenet';
import type { Locale } from '$lib/i18n/locale';
import { errorText, isMessageRef } from '$lib/i18n/localized-error';
import type { MessageKey, Params } from '$lib/i18n/translate';

type T = (key: MessageKey, params?: Params) => string;

/** `tabby, tabby cat` -> `tabby` (the full synset line stays in tooltips). */
export const firstName = (label: string): string => label.split(',')[0] ?? label;

/** Class `index` by its first name in `locale` (the English label's first synonym for 'en'). */
export const className = (index: number, label: string, locale: Locale): string => imagenetName(index, firstName(label), locale);

/** The English name to show beside a Korean one (lang="en"), or null on the English page or when they are the same. */
export function englishBeside(index: number, label: string, locale: Locale): string | null {
	const en = firstName(label);
	return locale === 'en' || className(index, label, locale) === en ? null : en;
}

const KIND: Record<CropKind, MessageKey> = {
	'top left': 'live.crop.topLeft',
	'top right': 'live.crop.topRight',
	'bottom left': 'live.crop.bottomLeft',
	'bottom right': 'live.crop.bottomRight',
	centre: 'live.crop.centre',
	'whole square': 'live.crop.whole'
};
const SIDE: Record<string, MessageKey> = {
	left: 'live.crop.left',
	centre: 'live.crop.centre',
	right: 'live.crop.right',
	top: 'live.crop.top',
	bottom: 'live.crop.bottom'
};

/** `left square`, or its Korean. */
export const squareName = (side: string, t: T): string => t('live.crop.square', { side: SIDE[side] ? t(SIDE[side]) : side });

/** A crop's name from its parts: `288, left square, top left, mirrored`, or its Korean. */
export function cropName(c: { readonly scale: number; readonly square: string | null; readonly kind: CropKind; readonly mirrored: boolean }, t: T): string {
	const square = c.square === null ? null : squareName(c.square, t);
	return [String(c.scale), square, t(KIND[c.kind]), c.mirrored ? t('live.crop.mirrored') : null].filter((s) => s !== null).join(', ');
}

/**
 * A message's params ready for t(): numbers and text as they are; a catalogue reference
 * ({ key, params }, its params resolved the same way) or an error in the reader's edition.
 */
export function resolveParams(params: Readonly<Record<string, unknown>>, t: T): Params {
	const out: Record<string, string | number> = {};
	for (const [name, v] of Object.entries(params)) {
		if (typeof v === 'number' || typeof v === 'string') out[name] = v;
		else if (isMessageRef(v) && !(v instanceof Error) && v.params) out[name] = t(v.key, resolveParams(v.params, t));
		else out[name] = errorText(v, t);
	}
	return out;
}
