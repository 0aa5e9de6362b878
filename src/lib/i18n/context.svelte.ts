// The reader's edition, for components: the layout sets it once from the address (setI18n), and
// every component reads it with useI18n(), so no component imports the route. Without a layout
// (a component rendered alone, in a test) the edition is English.
import { getContext, hasContext, setContext } from 'svelte';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { translate, type MessageKey, type Params } from './translate';

export interface I18n {
	/** The current edition (reactive when the layout's getter is). */
	readonly locale: Locale;
	/** A message in the current edition. */
	t(key: MessageKey, params?: Params): string;
}

const KEY = Symbol('i18n');

export function makeI18n(locale: () => Locale): I18n {
	return {
		get locale() {
			return locale();
		},
		t: (key, params) => translate(locale(), key, params)
	};
}

/** Called by the root layout with a getter of the address's edition. */
export function setI18n(locale: () => Locale): I18n {
	return setContext(KEY, makeI18n(locale));
}

const fallback = makeI18n(() => DEFAULT_LOCALE);

/** The edition and its messages, inside any component. */
export function useI18n(): I18n {
	return hasContext(KEY) ? getContext<I18n>(KEY) : fallback;
}
