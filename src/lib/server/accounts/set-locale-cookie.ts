import type { Cookies } from '@sveltejs/kit';

/* After sign-in the interface follows the language saved in the person's profile. */
export function setLocaleCookie(cookies: Cookies, locale: string, secure: boolean) {
	cookies.set('trellis_locale', locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		maxAge: 60 * 60 * 24 * 365,
		secure
	});
}
