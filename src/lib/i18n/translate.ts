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
