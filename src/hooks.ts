// The Korean edition lives at /ko/…: the same page files serve it, so /ko/table1/ is routed to
// src/routes/table1/ (on the server, at prerender and in the client's router alike) while the
// address, and with it the edition (src/lib/i18n/locale.ts), stays /ko/table1/.
import type { Reroute } from '@sveltejs/kit';
import { localeFromPath, stripLocale } from '$lib/i18n/locale';

export const reroute: Reroute = ({ url }) => (localeFromPath(url.pathname) === 'ko' ? stripLocale(url.pathname) : undefined);
