import { redirect } from '@sveltejs/kit';
import { setLocaleCookie } from '#lib/server/accounts/set-locale-cookie.ts';
import { safePath } from '#lib/server/security/safe-path.ts';
import type { PageServerLoad } from './$types';

/*
 * Where emailed sign-in links land: the interface switches to the language saved in the
 * person's profile, then the person continues to the page they were going to.
 */
export const load: PageServerLoad = ({ locals, cookies, url }) => {
	if (!locals.user) redirect(303, '/sign-in');
	setLocaleCookie(cookies, locals.user.locale, url.protocol === 'https:');
	redirect(303, safePath(url.searchParams.get('next')));
};
