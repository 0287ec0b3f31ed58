import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { isUuid, parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { findOutcomeSettings } from '#lib/server/outcomes/outcome-settings.queries.ts';
import { setOutcomeSettings } from '#lib/server/outcomes/set-outcome-settings.ts';
import { listInstrumentPacks } from '#lib/server/evaluation/instrument-packs.queries.ts';
import { loadInstrumentPack } from '#lib/server/evaluation/load-instrument-pack.ts';
import { setInstrumentPermission } from '#lib/server/evaluation/set-instrument-permission.ts';
import type { InstrumentPack } from '#lib/server/evaluation/instrument-pack.schema.ts';
import type { Actions, PageServerLoad } from './$types';

/* Outcome settings and published instruments (loaded, then enabled only with permission). */
export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const packs = await listInstrumentPacks(db, org.id);
	return {
		settings: await findOutcomeSettings(db, org.id),
		packs: packs.map((p) => {
			const pack = p.pack as InstrumentPack;
			return {
				id: p.id,
				slug: p.slug,
				name: pack.name,
				citation: pack.citation,
				licence: pack.licence,
				items: pack.items.length,
				enabled: !!p.permissionConfirmedAt,
				confirmedAt: p.permissionConfirmedAt
			};
		})
	};
};

const settingsForm = z.object({
	minGroup: z.coerce
		.number({ error: 'error_min_group' })
		.int('error_min_group')
		.min(5, 'error_min_group')
		.max(100, 'error_min_group'),
	postDays: z.coerce
		.number({ error: 'error_post_days' })
		.int('error_post_days')
		.min(1, 'error_post_days')
		.max(90, 'error_post_days')
});

export const actions: Actions = {
	settings: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = parseForm(settingsForm, await request.formData());
		if (!parsed.ok) {
			return fail(400, { form: 'settings', errors: parsed.errors, values: parsed.values });
		}
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const r = await setOutcomeSettings(db, { organisationId: org.id, ...parsed.data });
		if (!r.ok) return fail(400, { form: 'settings', message: 'error_min_group' });
		return { form: 'settings', saved: true };
	},
	load: async ({ request, locals }) => {
		const user = requireAdmin(locals);
		const source = String((await request.formData()).get('pack') ?? '');
		if (!source.trim() || source.length > 100_000) {
			return fail(400, { form: 'load', message: 'error_pack' });
		}
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const r = await loadInstrumentPack(db, { organisationId: org.id, source, by: user.id });
		if (!r.ok) {
			return fail(400, {
				form: 'load',
				message: 'error_pack',
				problems: r.problems.slice(0, 10),
				source
			});
		}
		return { form: 'load', loaded: r.slug };
	},
	permission: async ({ request, locals }) => {
		const user = requireAdmin(locals);
		const form = await request.formData();
		const packId = String(form.get('packId') ?? '');
		if (!isUuid(packId)) return fail(400, { form: 'permission', message: 'error_not_found' });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const r = await setInstrumentPermission(db, {
			organisationId: org.id,
			packId,
			by: user.id,
			enable: form.get('enable') === '1',
			confirmed: form.get('confirm') === 'on'
		});
		if (!r.ok) {
			return fail(r.reason === 'not-confirmed' ? 400 : 404, {
				form: 'permission',
				packId,
				message: r.reason === 'not-confirmed' ? 'error_pack_permission' : 'error_not_found'
			});
		}
		return { form: 'permission', done: true };
	}
};
