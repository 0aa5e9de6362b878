/**
 * The live page's view as a URL query, so every view is a link:
 * `?image=chelsea&layer=inception_4c/3x3&channel=17&crops=10&scale=channel&backend=wasm&precision=float32`.
 * DOM-free; names are checked against the plan (a layer of an auxiliary head is accepted here,
 * and refused later by the page if the loaded weights have no such head).
 */
import { isModule, plan, type Plan, type Shape } from '../../core/plan';
import { tapTitles, type TapTitle } from '../diagram/titles';
import type { Locale } from '../../i18n/locale';

export const SAMPLE_IDS = ['chelsea', 'coffee', 'astronaut', 'rocket'] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];
/** Each sample's file in static/samples/ (credits in CREDITS.md there). */
export const SAMPLE_FILES: Readonly<Record<SampleId, string>> = {
	chelsea: 'chelsea.png',
	coffee: 'coffee.png',
	astronaut: 'astronaut.png',
	rocket: 'rocket.jpg'
};
export const CROP_CHOICES = [1, 10, 144] as const;
export type CropChoice = (typeof CROP_CHOICES)[number];
export const SCALES = ['shared', 'channel'] as const;
export type ColourScale = (typeof SCALES)[number];
export const BACKEND_CHOICES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export const PRECISION_CHOICES = ['float16', 'float32'] as const;
export type PrecisionChoice = (typeof PRECISION_CHOICES)[number];

export interface LiveView {
	/** A sample photo; null when the reader's own image is shown (it cannot be a link). */
	readonly image: SampleId | null;
	readonly layer: string;
	readonly channel: number;
	readonly crops: CropChoice;
	readonly scale: ColourScale;
	/** null: the best backend that starts. */
	readonly backend: BackendChoice | null;
	readonly precision: PrecisionChoice;
}

export const DEFAULT_VIEW: LiveView = {
	image: 'chelsea',
	layer: 'inception_3a/output',
	channel: 0,
	crops: 1,
	scale: 'shared',
	backend: null,
	precision: 'float16'
};

/**
 * Every feature-map name with its [h, w, c], in execution order (auxiliary heads last): the same
 * list as the engine's `tapShapes` (a unit test checks), walked here so that the page does not
 * pull tfjs in before it needs it.
 */
export function planTaps(p: Plan = plan()): Map<string, Shape> {
	const taps = new Map<string, Shape>();
	for (const row of p.rows) {
		if (!isModule(row.block)) for (const l of row.block) taps.set(l.layer.name, l.output);
		else {
			for (const b of row.block.branches) for (const l of b.layers) taps.set(l.layer.name, l.output);
			taps.set(row.block.tap, row.block.output);
		}
	}
	for (const a of p.aux) for (const l of a.layers) taps.set(l.layer.name, l.output);
	return taps;
}

export const LIVE_TAPS: ReadonlyMap<string, Shape> = planTaps();

export interface ParsedView {
	readonly view: LiveView;
	/** Parts of the query that were refused, each with its reason (the rest still applies). */
	readonly errors: readonly string[];
}

export function viewFromQuery(query: URLSearchParams): ParsedView {
	const errors: string[] = [];
	const pick = <T extends string | number>(key: string, choices: readonly T[], fallback: T): T => {
		const raw = query.get(key);
		if (raw === null) return fallback;
		const found = choices.find((c) => String(c) === raw);
		if (found === undefined) errors.push(`${key}=${raw}: expected ${choices.join(', ')}`);
		return found ?? fallback;
	};
	let layer = DEFAULT_VIEW.layer;
	const rawLayer = query.get('layer');
	if (rawLayer !== null) {
		if (LIVE_TAPS.has(rawLayer)) layer = rawLayer;
		else errors.push(`layer=${rawLayer}: no such layer or branch (e.g. inception_4c/3x3, inception_4c/output)`);
	}
	let channel = 0;
	const rawChannel = query.get('channel');
	if (rawChannel !== null) {
		const channels = LIVE_TAPS.get(layer)?.[2] ?? 0;
		const n = Number(rawChannel);
		if (/^\d+$/.test(rawChannel) && n < channels) channel = n;
		else errors.push(`channel=${rawChannel}: ${layer} has channels 0 to ${channels - 1}`);
	}
	const rawImage = query.get('image');
	let image: SampleId | null = DEFAULT_VIEW.image;
	if (rawImage !== null) {
		const found = SAMPLE_IDS.find((s) => s === rawImage);
		if (found) image = found;
		else errors.push(`image=${rawImage}: expected one of the samples (${SAMPLE_IDS.join(', ')})`);
	}
	const rawBackend = query.get('backend');
	const backend = rawBackend === null ? null : (BACKEND_CHOICES.find((b) => b === rawBackend) ?? null);
	if (rawBackend !== null && !backend) errors.push(`backend=${rawBackend}: expected ${BACKEND_CHOICES.join(', ')}`);
	return {
		view: {
			image,
			layer,
			channel,
			crops: pick('crops', CROP_CHOICES, DEFAULT_VIEW.crops),
			scale: pick('scale', SCALES, DEFAULT_VIEW.scale),
			backend,
			precision: pick('precision', PRECISION_CHOICES, DEFAULT_VIEW.precision)
		},
		errors
	};
}

/** Keeps `/` readable in layer names (`layer=inception_4c/3x3`); everything else is escaped. */
const encode = (s: string) => encodeURIComponent(s).replace(/%2F/g, '/');

/** The shortest query string (without `?`) that restores `v`; defaults are left out. */
export function viewToQuery(v: LiveView): string {
	const parts: [string, string][] = [];
	if (v.image) parts.push(['image', v.image]);
	parts.push(['layer', v.layer]);
	parts.push(['channel', String(v.channel)]);
	if (v.crops !== DEFAULT_VIEW.crops) parts.push(['crops', String(v.crops)]);
	if (v.scale !== DEFAULT_VIEW.scale) parts.push(['scale', v.scale]);
	if (v.backend) parts.push(['backend', v.backend]);
	if (v.precision !== DEFAULT_VIEW.precision) parts.push(['precision', v.precision]);
	return parts.map(([k, val]) => `${k}=${encode(val)}`).join('&');
}

/** Every feature map's friendly titles (the diagram's names) by Caffe name. */
export const LIVE_TITLES: ReadonlyMap<string, TapTitle> = tapTitles(plan());

const titlesByLocale = new Map<Locale, ReadonlyMap<string, TapTitle>>([['en', LIVE_TITLES]]);

/** The titles of a feature map: `inception (4c), 3×3 branch: 3×3 conv` for `inception_4c/3x3` (Korean: `인셉션 (4c), 3×3 가지: 3×3 합성곱`). */
export function tapTitle(name: string, locale: Locale = 'en'): TapTitle {
	let titles = titlesByLocale.get(locale);
	if (!titles) titlesByLocale.set(locale, (titles = tapTitles(plan(), locale)));
	return titles.get(name) ?? { caffe: name, group: name.split('/')[0] as string, short: name, title: name };
}

export interface TapGroup {
	/** `conv1`, `inception (4c)`, `loss1 head`, `pool3` */
	readonly label: string;
	readonly taps: readonly string[];
}

/** The taps grouped for a picker: by module, auxiliary head, or the layer's own first part. */
export function tapGroups(names: Iterable<string>, locale: Locale = 'en'): TapGroup[] {
	const groups: { label: string; taps: string[] }[] = [];
	for (const name of names) {
		const label = tapTitle(name, locale).group;
		const last = groups[groups.length - 1];
		if (last?.label === label) last.taps.push(name);
		else groups.push({ label, taps: [name] });
	}
	return groups;
}
