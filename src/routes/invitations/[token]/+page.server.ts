import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { optionalText, parseForm, password, requiredText } from '#lib/forms/fields.ts';
import { acceptInvitation } from '#lib/server/accounts/accept-invitation.ts';
import { findOpenInvitationByHash } from '#lib/server/accounts/invitations.queries.ts';
import { findUserByEmail } from '#lib/server/accounts/users.queries.ts';
import { hashToken } from '#lib/server/security/tokens.ts';
import { roleLabel } from '#lib/server/accounts/role-label.ts';
import { setLocaleCookie } from '#lib/server/accounts/set-locale-cookie.ts';
import { asLocale, isTimeZone, locales } from '#lib/server/i18n/locale.ts';
import { timeZoneChoices } from '#lib/time/zone-choices.ts';
import type { Actions, PageServerLoad } from './$types';

async function openInvitation(token: string) {
	const { db } = await appContext();
	if (token.length > 200) return undefined;
	const inv = await findOpenInvitationByHash(db, hashToken(token), new Date());
	if (!inv || inv.cohortCancelledAt) return undefined;
	const existing = await findUserByEmail(db, inv.email);
	return { ...inv, existing: !!existing };
}

/*
 * What the new-account form starts with: the cohort's time zone (else the inviter's, else UTC)
 * and the language the invitation was written in. Both are shown, and what is shown is saved.
 */
function defaults(inv: NonNullable<Awaited<ReturnType<typeof openInvitation>>>) {
	return {
		timeZone: inv.cohortTimeZone ?? inv.inviterTimeZone ?? 'UTC',
		locale: asLocale(inv.locale)
	};
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const inv = await openInvitation(params.token);
	if (!inv) return { invalid: true as const };
	const start = defaults(inv);
	return {
		invalid: false as const,
		organisation: inv.organisationName,
		role: roleLabel(inv.role, locals.locale),
		cohort: inv.cohortName,
		defaults: start,
		timeZones: timeZoneChoices(start.timeZone),
		email: inv.email,
		existing: inv.existing,
		signedInAsInvitee: !!locals.user && sameEmail(locals.user.email, inv.email),
		/*
		 * Someone else is signed in on this device (a shared computer, a second account):
		 * the page says so and offers to sign out and come back here, instead of adding the
		 * role to the wrong account or sending them to a sign-in page that bounces home.
		 */
		signedInAs: locals.user && !sameEmail(locals.user.email, inv.email) ? locals.user.email : null,
		path: url.pathname,
		organisationName: inv.organisationName
	};
};

const newAccount = z.object({
	name: requiredText(80),
	pronouns: optionalText(40),
	password,
	locale: z.enum(locales as unknown as [string, ...string[]], { error: 'error_locale' }),
	timeZone: z
		.string({ error: 'error_time_zone' })
		.max(64, 'error_time_zone')
		.refine(isTimeZone, 'error_time_zone'),
	// The privacy notice is shown before anything is created; ticking says it was read.
	privacyRead: z.literal('on', { error: 'error_privacy_notice' })
});

export const actions: Actions = {
	default: async ({ params, request, locals, cookies, url }) => {
		const inv = await openInvitation(params.token);
		if (!inv) return fail(410, { message: 'invite_invalid' });
		const { db, auth, cfg } = await appContext();
		if (locals.user && !sameEmail(locals.user.email, inv.email)) {
			return fail(409, { message: 'invite_wrong_account' });
		}
		if (inv.existing) {
			// An existing account only gains the role while signed in as itself.
			if (!locals.user) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
			if ((await request.formData()).get('privacyRead') !== 'on') {
				const errors: Record<string, string> = { privacyRead: 'error_privacy_notice' };
				return fail(400, { errors, values: {} as Record<string, string> });
			}
			const r = await acceptInvitation(db, auth, cfg, {
				token: params.token,
				locale: locals.locale,
				timeZone: locals.user.timeZone
			});
			if (!r.ok) return fail(410, { message: 'invite_invalid' });
			redirect(303, r.cohortId ? `/cohorts/${r.cohortId}` : '/profile');
		}
		const parsed = parseForm(newAccount, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const r = await acceptInvitation(db, auth, cfg, {
			token: params.token,
			name: parsed.data.name,
			password: parsed.data.password,
			pronouns: parsed.data.pronouns,
			locale: parsed.data.locale,
			timeZone: parsed.data.timeZone
		});
		if (!r.ok) return fail(410, { message: 'invite_invalid' });
		await auth.api.signInEmail({
			body: { email: r.email, password: parsed.data.password },
			headers: request.headers
		});
		setLocaleCookie(cookies, parsed.data.locale, url.protocol === 'https:');
		redirect(303, r.cohortId ? `/cohorts/${r.cohortId}` : '/profile');
	}
};
