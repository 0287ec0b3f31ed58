import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { optionalText, parseForm, requiredText } from '#lib/forms/fields.ts';
import { updateProfile } from '#lib/server/accounts/update-profile.ts';
import { setLocaleCookie } from '#lib/server/accounts/set-locale-cookie.ts';
import { isTimeZone, locales } from '#lib/server/i18n/locale.ts';
import { timeZoneChoices } from '#lib/time/zone-choices.ts';
import { countryChoices, isCountryCode } from '#lib/i18n/countries.ts';
import { sessionList } from '#lib/server/accounts/session-list.ts';
import { isTwoFactorEnabled } from '#lib/server/accounts/users.queries.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in');
	const { db } = await appContext();
	return {
		sessions: await sessionList(db, locals.user.id, locals.sessionId),
		totpOn: await isTwoFactorEnabled(db, locals.user.id),
		locale: locals.locale,
		profile: locals.user,
		roles: locals.roles,
		saved: url.searchParams.has('saved'),
		// Sent back here by "Download my data" after five downloads in an hour.
		exportLimited: url.searchParams.get('export') === 'limited',
		timeZones: timeZoneChoices(locals.user.timeZone),
		countries: countryChoices(locals.locale)
	};
};

const schema = z.object({
	name: requiredText(80),
	pronouns: optionalText(40),
	locale: z.enum(locales as unknown as [string, ...string[]], { error: 'error_locale' }),
	timeZone: z
		.string({ error: 'error_time_zone' })
		.max(64, 'error_time_zone')
		.refine(isTimeZone, 'error_time_zone'),
	// Optional; empty means "not given" (the organisation's country is used for crisis lines).
	country: z
		.string({ error: 'error_country' })
		.trim()
		.toUpperCase()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || isCountryCode(v), 'error_country')
});

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(schema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { db } = await appContext();
		await updateProfile(db, locals.user.id, parsed.data);
		setLocaleCookie(cookies, parsed.data.locale, url.protocol === 'https:');
		// Redirect so the page is drawn again in the language just chosen.
		redirect(303, '/profile?saved=1');
	}
};
