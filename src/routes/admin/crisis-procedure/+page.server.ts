import { fail, redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { crisisProcedureInput } from '#lib/server/safety/crisis-procedure-input.ts';
import { findCrisisProcedure } from '#lib/server/safety/crisis-procedures.queries.ts';
import { saveCrisisProcedure } from '#lib/server/safety/save-crisis-procedure.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const row = await findCrisisProcedure(db, org.id);
	return {
		exists: !!row,
		updatedAt: row?.updatedAt ?? null,
		values: {
			whoToCall: row?.whoToCall ?? '',
			whatToDo: row?.whatToDo ?? '',
			afterwards: row?.afterwards ?? ''
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const admin = requireAdmin(locals);
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const parsed = parseForm(crisisProcedureInput, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const r = await saveCrisisProcedure(db, {
			organisationId: org.id,
			userId: admin.id,
			fields: parsed.data
		});
		if (!r.ok) return fail(400, { errors: { whoToCall: 'error_required' }, values: parsed.data });
		redirect(303, '/admin/crisis-procedure?saved=1');
	}
};
