import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { changeLanguage } from '#lib/server/accounts/change-language.ts';
import { asLocale } from '#lib/server/i18n/locale.ts';
import { setLocaleCookie } from '#lib/server/accounts/set-locale-cookie.ts';
import { safePath } from '#lib/server/security/safe-path.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/* Works without JavaScript: a plain form post sets the cookie and returns to the page. */
export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const locale = asLocale(String(form.get('locale') ?? ''));
		const back = String(form.get('redirectTo') ?? '/');
		setLocaleCookie(cookies, locale, url.protocol === 'https:');
		if (locals.user) {
			const { db } = await appContext();
			await changeLanguage(db, locals.user.id, locale);
		}
		redirect(303, safePath(back));
	}
};
