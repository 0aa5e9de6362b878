// The architecture diagram and page (components/diagram, src/routes/architecture) and core's messages (what-if refusals, address errors, the row-1 note). Keys start 'diagram.', 'arch.' or 'core.'.
// English; the Korean is diagram.ko.ts, typed against this file. Spread into en.ts.
export const diagramEn = {
} as const;
