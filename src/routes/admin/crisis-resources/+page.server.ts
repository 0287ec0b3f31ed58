import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { crisisResourceInput } from '#lib/server/safety/crisis-resource-input.ts';
import { listCrisisResources } from '#lib/server/safety/crisis-resources.queries.ts';
import { isStale } from '#lib/server/safety/crisis-panel.ts';
import {
	addCrisisResource,
	markCrisisResourceVerified,
	removeCrisisResource
} from '#lib/server/safety/maintain-crisis-resources.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const admin = requireAdmin(locals);
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const now = new Date();
	const rows = await listCrisisResources(db, org.id);
	return {
		resources: rows.map((r) => ({ ...r, stale: isStale(r.lastVerifiedAt, now) })),
		defaults: { locale: locals.locale, verifiedBy: admin.name }
	};
};

const idOnly = z.object({ id: z.uuid() });

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const admin = requireAdmin(locals);
		const parsed = parseForm(crisisResourceInput, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'add', errors: parsed.errors, values: parsed.values });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const row = await addCrisisResource(db, org.id, admin.id, parsed.data);
		return { form: 'add', added: row.name };
	},
	verify: async ({ request, locals }) => {
		const admin = requireAdmin(locals);
		const parsed = parseForm(idOnly, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'row', message: 'error_not_found' });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const row = await markCrisisResourceVerified(db, org.id, parsed.data.id, admin);
		if (!row) return fail(404, { form: 'row', message: 'error_not_found' });
		return { form: 'row', verified: row.name };
	},
	remove: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = parseForm(idOnly, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'row', message: 'error_not_found' });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const row = await removeCrisisResource(db, org.id, parsed.data.id);
		if (!row) return fail(404, { form: 'row', message: 'error_not_found' });
		return { form: 'row', removed: true };
	}
};
