import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { planRetention } from '#lib/server/retention/plan-retention.ts';
import { setRetentionSettings } from '#lib/server/retention/set-retention-settings.ts';
import { listAuditEvents } from '#lib/server/audit/audit-events.queries.ts';
import {
	MAX_MONTHS,
	MIN_MONTHS,
	type RetentionKind
} from '#lib/server/retention/retention-periods.ts';
import type { Actions, PageServerLoad } from './$types';

/* The retention periods and the dry run: what the daily job will delete, and when. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireAdmin(locals);
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const plan = await planRetention(db, { organisationId: org.id, now: new Date() });
	const history = await listAuditEvents(db, { limit: 20, action: 'retention-delete' });
	return {
		timeZone: user.timeZone,
		settings: plan.settings,
		items: plan.items,
		running: plan.running,
		history: history.map((e) => ({
			id: e.id,
			at: e.at,
			cohortName: e.cohortName,
			target: e.target
		}))
	};
};

const ERROR: Record<RetentionKind, string> = {
	live: 'error_retention_months',
	workbook: 'error_retention_months',
	evaluation: 'error_retention_evaluation',
	outbox: 'error_retention_months',
	audit: 'error_retention_audit'
};
const months = (kind: RetentionKind) =>
	z.coerce
		.number({ error: ERROR[kind] })
		.int(ERROR[kind])
		.min(MIN_MONTHS[kind], ERROR[kind])
		.max(MAX_MONTHS, ERROR[kind]);
const settingsForm = z.object({
	live: months('live'),
	workbook: months('workbook'),
	evaluation: months('evaluation'),
	outbox: months('outbox'),
	audit: months('audit')
});

export const actions: Actions = {
	settings: async ({ request, locals }) => {
		const user = requireAdmin(locals);
		const parsed = parseForm(settingsForm, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const r = await setRetentionSettings(db, {
			organisationId: org.id,
			by: user.id,
			periods: parsed.data
		});
		if (!r.ok) {
			return fail(400, {
				errors: Object.fromEntries(r.invalid.map((k) => [k, ERROR[k]])),
				values: parsed.data
			});
		}
		return { saved: r.changed, unchanged: !r.changed };
	}
};
