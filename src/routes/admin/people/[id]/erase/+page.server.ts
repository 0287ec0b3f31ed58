import * as m from '#lib/paraglide/messages.js';
import { error, fail, redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { eraseAccount } from '#lib/server/privacy/erase-account.ts';
import {
	countValidCertificatesOfPerson,
	findMemberOfOrganisation
} from '#lib/server/privacy/erasure.queries.ts';
import { erasureForm, erasureRefusal } from '#lib/server/privacy/erasure-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const admin = requireAdmin(locals);
	if (params.id === admin.id) redirect(303, '/profile/erase');
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const person = await findMemberOfOrganisation(db, org.id, params.id);
	if (!person) error(404, m.error_not_found());
	return {
		person: { id: person.id, name: person.name, email: person.email },
		certificates: await countValidCertificatesOfPerson(db, person.id)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const admin = requireAdmin(locals);
		if (params.id === admin.id) redirect(303, '/profile/erase');
		const { db, cfg, auth } = await appContext();
		const parsed = parseForm(erasureForm({ admin: true }), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const values = {
			certificates: parsed.data.certificates ?? '',
			reason: parsed.data.reason ?? ''
		};
		if (!(await hit(db, `erase:${admin.id}`, { max: 10 * cfg.RATE_LIMIT_SCALE, windowS: 900 }))) {
			return fail(429, { message: 'rate_limited', values });
		}
		const r = await eraseAccount(db, cfg, auth, {
			personId: params.id,
			actorId: admin.id,
			password: parsed.data.password,
			reason: parsed.data.reason,
			keepCertificates:
				parsed.data.certificates === undefined ? undefined : parsed.data.certificates === 'keep'
		});
		if (!r.ok) {
			const x = erasureRefusal(r.reason);
			return fail(x.status, {
				errors: x.field ? { [x.field]: x.message } : undefined,
				message: x.field ? undefined : x.message,
				values
			});
		}
		redirect(303, '/admin/people?erased=1');
	}
};
