import { appContext } from '#lib/server/context.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { countOwnEntriesBySession } from '#lib/server/workbook/workbook.queries.ts';
import { audiencesOf } from '#lib/server/workbook/workbook-audience.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user, enrolment } = await cohortAccess(db, locals, params.id);
	const counts = enrolment ? await countOwnEntriesBySession(db, ctx.cohort.id, user.id) : new Map();
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		own: !!enrolment,
		canSeeShared: (await audiencesOf(db, ctx.cohort.id, user.id)).length > 0,
		sessions: [1, 2, 3, 4].map((n) => ({
			number: n,
			title: sessionTitle(ctx, n, locals.locale),
			count: counts.get(n) ?? 0
		}))
	};
};
