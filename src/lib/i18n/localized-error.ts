// An error whose text is a catalogue message: the core and the engine raise it with a key, the CLI
// prints its English `message`, and a page shows it in the reader's edition with errorText().
// Errors that cross postMessage arrive as plain objects; their `key` and `params` travel with them.
import { CATALOGUES, translate, type MessageKey, type Params } from './translate';

export class LocalizedError extends Error {
	constructor(
		readonly key: MessageKey,
		readonly params?: Params
	) {
		super(translate('en', key, params));
	}
}

/** The plain-object form of a LocalizedError, for postMessage. */
export interface MessageRef {
	readonly key: MessageKey;
	readonly params?: Params;
}

export function isMessageRef(value: unknown): value is MessageRef {
	return typeof value === 'object' && value !== null && typeof (value as MessageRef).key === 'string' && (value as MessageRef).key in CATALOGUES.en;
}

/** What to show a reader for `err`: its message in their edition when it has a key, else its text. */
export function errorText(err: unknown, t: (key: MessageKey, params?: Params) => string): string {
	if (isMessageRef(err)) return t(err.key, err.params);
	if (err instanceof Error) return err.message;
	if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') return (err as { message: string }).message;
	return String(err);
}
