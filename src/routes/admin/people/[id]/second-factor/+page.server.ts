import * as m from '#lib/paraglide/messages.js';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { findMemberSecondFactors } from '#lib/server/second-factor/second-factors.queries.ts';
import { resetSecondFactors } from '#lib/server/second-factor/reset-second-factors.ts';
import type { Actions, PageServerLoad } from './$types';

/*
 * An admin resets another member's second factors (ADR 029). One's own are managed on the
 * security page; resetting them is another admin's job, so the page sends an admin there.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const admin = requireAdmin(locals);
	if (params.id === admin.id) redirect(303, '/profile/security');
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const person = await findMemberSecondFactors(db, org.id, params.id);
	if (!person) error(404, m.admin_erase_not_found());
	return {
		person: { id: person.id, name: person.name, email: person.email },
		hasApp: person.hasApp,
		passkeys: person.passkeys
	};
};

const resetForm = z.object({
	password: z.string({ error: 'error_required' }).min(1, 'error_required').max(1000),
	confirm: z.literal('on', { error: 'error_reset_2fa_confirm' })
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const admin = requireAdmin(locals);
		if (params.id === admin.id) redirect(303, '/profile/security');
		const parsed = parseForm(resetForm, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const { db, cfg } = await appContext();
		if (
			!(await hit(db, `reset-2fa:${admin.id}`, { max: 10 * cfg.RATE_LIMIT_SCALE, windowS: 900 }))
		) {
			return fail(429, { message: 'rate_limited' });
		}
		const org = await currentOrganisation(db);
		const r = await resetSecondFactors(db, cfg, {
			organisationId: org.id,
			organisationName: org.name,
			personId: params.id,
			adminId: admin.id,
			password: parsed.data.password
		});
		if (!r.ok) {
			switch (r.reason) {
				case 'wrong-password':
					return fail(400, { errors: { password: 'admin_reset_2fa_wrong_password' } });
				case 'nothing-to-reset':
					return fail(409, { message: 'admin_reset_2fa_none' });
				case 'self':
					return fail(403, { message: 'admin_reset_2fa_self' });
				case 'not-admin':
					return fail(403, { message: 'error_forbidden' });
				case 'not-found':
					return fail(404, { message: 'admin_erase_not_found' });
			}
		}
		redirect(303, '/admin/people?reset=1');
	}
};
