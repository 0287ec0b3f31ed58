import { baseLocale, isLocale, locales, type Locale } from '#lib/paraglide/runtime.js';

export { locales, baseLocale, type Locale };

export function asLocale(value: string | null | undefined): Locale {
	return value && isLocale(value) ? value : baseLocale;
}

/** IANA zones this runtime knows; used to validate the profile's time zone. */
export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
