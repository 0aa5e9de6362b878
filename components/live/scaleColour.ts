// One colour for each test-time scale (shorter side), shared by the photo's outline and the crop grid.
const COLOURS: Readonly<Record<number, string>> = { 224: '#e0a800', 256: '#e0a800', 288: '#1c9ccf', 320: '#4f9e1e', 352: '#d0389f' };

export const scaleColour = (scale: number): string => COLOURS[scale] ?? '#888';
