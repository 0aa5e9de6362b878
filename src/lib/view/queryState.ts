/**
 * Keeps a page's cost settings in its address bar (browser only: a prerendered page has no query
 * at build time). Read once when the page starts; written back, without a history entry, on
 * every change.
 */
import { replaceState } from '$app/navigation';
import { settingsFromQuery, settingsToQuery, type CostSettings, type ParsedSettings } from './settings';
import type { Locale } from '$lib/i18n/locale';

export function readQuery(locale: Locale = 'en'): ParsedSettings {
  return settingsFromQuery(new URLSearchParams(window.location.search), locale);
}

export function writeQuery(s: CostSettings): void {
  const query = settingsToQuery(s).toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) replaceState(url, {});
}
