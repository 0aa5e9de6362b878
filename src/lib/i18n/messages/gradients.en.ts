// Feature visualization, DeepDream and attribution (components/gradients, components/dream). Keys start 'grad.' or 'dream.'.
// English; the Korean is gradients.ko.ts, typed against this file. Spread into en.ts.
export const gradientsEn = {
} as const;
