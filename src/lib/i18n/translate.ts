// Looks a message up in its language's catalogue and fills in its {placeholders}. Numbers are
// formatted by the caller (src/lib/core/format.ts) and passed in as text.
import { en, type MessageKey } from './messages/en';
import { ko } from './messages/ko';
import type { Locale } from './locale';

export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;

export const CATALOGUES: Record<Locale, Readonly<Record<MessageKey, string>>> = { en, ko };

/** The placeholders a message names: "{n} of {total}" -> ["n", "total"]. */
export const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const message = CATALOGUES[locale][key] ?? en[key];
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface MessagePart {
	readonly text: string;
	/** Set for a "{name}" left for markup to fill. */
	readonly slot?: string;
}

/** A message cut at its unfilled placeholders: "a {x} b" -> [a ], {x}, [ b]. */
export function messageParts(message: string): MessagePart[] {
	const parts: MessagePart[] = [];
	let last = 0;
	for (const m of message.matchAll(/\{(\w+)\}/g)) {
		if (m.index > last) parts.push({ text: message.slice(last, m.index) });
		parts.push({ text: m[0], slot: m[1] });
		last = m.index + m[0].length;
	}
	if (last < message.length) parts.push({ text: message.slice(last) });
	return parts;
}
