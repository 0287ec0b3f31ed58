import { appContext } from '#lib/server/context.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import {
	countOwnEntriesBySession,
	findWorkbookPreferences
} from '#lib/server/workbook/workbook.queries.ts';
import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { setWorkbookReminder } from '#lib/server/workbook/set-workbook-reminder.ts';
import { audiencesOf } from '#lib/server/workbook/workbook-audience.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user, enrolment } = await cohortAccess(db, locals, params.id);
	const counts = enrolment ? await countOwnEntriesBySession(db, ctx.cohort.id, user.id) : new Map();
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		own: !!enrolment,
		remind: enrolment
			? !!(await findWorkbookPreferences(db, ctx.cohort.id, user.id))?.remindBeforeSession
			: false,
		canSeeShared: (await audiencesOf(db, ctx.cohort.id, user.id)).length > 0,
		sessions: [1, 2, 3, 4].map((n) => ({
			number: n,
			title: sessionTitle(ctx, n, locals.locale),
			count: counts.get(n) ?? 0
		}))
	};
};

export const actions: Actions = {
	reminder: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx, user } = await cohortAccess(db, locals, params.id);
		const on = (await request.formData()).get('remind') === 'on';
		const r = await setWorkbookReminder(db, { cohortId: ctx.cohort.id, userId: user.id, on });
		if (!r.ok) error(404, m.error_not_found());
		return { saved: true };
	}
};
