// /live/'s interface text: components/live, src/routes/live, EngineBar, the ImageNet top-5 views. Keys start 'live.'.
// English; the Korean is live.ko.ts, typed against this file. Spread into en.ts.
export const liveEn = {
} as const;
