import type { LayoutServerLoad } from './$types';

/*
 * Every page so far is plain HTML with forms that post without JavaScript, so we ship none:
 * the Svelte/Kit runtime alone is ~35 KB compressed, the whole JS budget for participant pages
 * on slow mobile networks. A page that needs live behaviour (the live room) turns it back on
 * with its own `export const csr = true`.
 */
export const csr = false;

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, timeZone: locals.user.timeZone } : null,
	roles: locals.roles,
	locale: locals.locale,
	path: url.pathname + url.search
});
