// Text around the chapters (heading links, the appendix's chrome). Keys start 'text.'.
// English; the Korean is text.ko.ts, typed against this file. Spread into en.ts.
// src/lib/markdown/heading-anchors.js reads 'text.heading.link' from this source at build time:
// keep it a plain one-line '…' string.
export const textEn = {
	'text.heading.link': 'Link to “{title}”'
} as const;
