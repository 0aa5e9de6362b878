// Colours for charts and canvases. SVG presentation attributes (what Plot writes) cannot read CSS
// variables, so the site's tokens from components/chrome/global.css are repeated here.
export const INK = {
	ink: '#1b1f24',
	soft: '#4a5360',
	accent: '#1f4e79',
	rule: '#dfe2e6',
	focus: '#c2410c'
} as const;

/** For "the others" beside the highlighted series. */
export const MUTED = '#9fb3c8';

/** Distinct, colour-blind-safe hues (Okabe and Ito) for categories. */
export const CATEGORY = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'] as const;
