import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, timeZone: locals.user.timeZone } : null,
	roles: locals.roles,
	locale: locals.locale,
	path: url.pathname + url.search
});
