import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { setUserLocale } from '#lib/server/accounts/users.queries.ts';
import { asLocale } from '#lib/server/i18n/locale.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/* Works without JavaScript: a plain form post sets the cookie and returns to the page. */
export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const locale = asLocale(String(form.get('locale') ?? ''));
		const back = String(form.get('redirectTo') ?? '/');
		cookies.set('trellis_locale', locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 365,
			secure: url.protocol === 'https:'
		});
		if (locals.user) {
			const { db } = await appContext();
			await setUserLocale(db, locals.user.id, locale);
		}
		// Only same-site paths: never an open redirect.
		redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
	}
};
