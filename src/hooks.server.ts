// <html lang> of each prerendered page: app.html says "en"; a Korean edition's page says "ko".
import type { Handle } from '@sveltejs/kit';
import { LANG_TAG, localeFromPath } from '$lib/i18n/locale';

export const handle: Handle = ({ event, resolve }) => {
	const lang = LANG_TAG[localeFromPath(event.url.pathname)];
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="en">', `<html lang="${lang}">`)
	});
};
