// A fade for nodes entering and leaving the diagram. Svelte's own `fade` reads each element's
// computed opacity first, which forces a style recalculation per element: with dozens of nodes
// coming and going in one flip that cost more than everything else together.
import { cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';

export function appear(_node: Element, { duration = 180 }: { duration?: number } = {}): TransitionConfig {
	return { duration, easing: cubicOut, css: (t) => `opacity: ${t}` };
}
