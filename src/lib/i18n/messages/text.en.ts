// Text around the chapters (heading links, the appendix's chrome). Keys start 'text.'.
// English; the Korean is text.ko.ts, typed against this file. Spread into en.ts.
export const textEn = {
} as const;
