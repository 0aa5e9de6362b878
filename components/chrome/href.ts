// A link to a site page in the reader's edition, resolved like SvelteKit's resolve() (relative at
// prerender, so the build works under any base): localHref('/table1/', 'ko') -> ".../ko/table1/".
import { resolve } from '$app/paths';
import type { Pathname } from '$app/types';
import { localizePath, type Locale } from '$lib/i18n/locale';

export const localHref = (path: Pathname, locale: Locale): string => resolve(localizePath(path, locale) as Pathname);
