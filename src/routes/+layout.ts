// The whole site is static: every page is rendered to HTML at build time.
export const prerender = true;
// Pages are emitted as dir/index.html, which plain static servers resolve without rewrites.
export const trailingSlash = 'always';
