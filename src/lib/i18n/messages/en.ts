// The English edition's interface text, one key per message; {name} marks a placeholder filled by
// t(key, { name }). Korean is in ko.ts, typed against this file: a key missing or extra there is a
// type error, and tests/unit/i18n/messages.test.ts fails on it too.
export const en = {
	'quote.original': 'Original',
	'quote.show': 'Show the paper’s original English',
	'quote.hide': 'Hide the paper’s original English'
} as const;

export type MessageKey = keyof typeof en;
