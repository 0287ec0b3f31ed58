import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { parseForm, isUuid } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { crisisResourceInput } from '#lib/server/safety/crisis-resource-input.ts';
import { findCrisisResource } from '#lib/server/safety/crisis-resources.queries.ts';
import { editCrisisResource } from '#lib/server/safety/maintain-crisis-resources.ts';
import type { Actions, PageServerLoad } from './$types';

async function findOr404(id: string) {
	if (!isUuid(id)) error(404, m.error_not_found());
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const row = await findCrisisResource(db, org.id, id);
	if (!row) error(404, m.error_not_found());
	return { db, org, row };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	requireAdmin(locals);
	const { row } = await findOr404(params.id);
	const { country, locale, name, phone, chatUrl, hours, notes, sourceUrl } = row;
	const { lastVerifiedAt, verifiedBy } = row;
	return {
		resource: { id: row.id, name, locale },
		values: {
			country,
			locale,
			name,
			phone,
			chatUrl,
			hours,
			notes,
			sourceUrl,
			lastVerifiedAt,
			verifiedBy
		}
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const admin = requireAdmin(locals);
		const { db, org } = await findOr404(params.id);
		const parsed = parseForm(crisisResourceInput, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		await editCrisisResource(db, org.id, params.id, admin.id, parsed.data);
		redirect(303, '/admin/crisis-resources?saved=1');
	}
};
