// The chapters' remaining widgets and charts (components/notebook, components/charts, Tex). Keys start 'w.'.
// English; the Korean is widgets.ko.ts, typed against this file. Spread into en.ts.
export const widgetsEn = {
} as const;
