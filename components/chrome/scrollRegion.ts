// A box that scrolls sideways when its content is wider than it (a table or a formula on a
// phone). While it scrolls, it is a named group in the tab order, so that a keyboard can focus it
// and scroll it with the arrow keys (a group, not a region: no landmark for every table); while
// everything fits, it is a plain box again, no tab stop.
import type { Attachment } from 'svelte/attachments';

export function scrollRegion(label: string): Attachment<HTMLElement> {
	return (box) => {
		const update = () => {
			if (box.scrollWidth > box.clientWidth + 1) {
				box.tabIndex = 0;
				box.setAttribute('role', 'group');
				box.setAttribute('aria-label', label);
			} else {
				box.removeAttribute('tabindex');
				box.removeAttribute('role');
				box.removeAttribute('aria-label');
			}
		};
		const sizes = new ResizeObserver(update);
		const watch = () => {
			sizes.disconnect();
			sizes.observe(box);
			for (const child of box.children) sizes.observe(child);
			update();
		};
		// New content (another table, another formula) is watched too.
		const content = new MutationObserver(watch);
		content.observe(box, { childList: true });
		watch();
		return () => {
			sizes.disconnect();
			content.disconnect();
		};
	};
}
