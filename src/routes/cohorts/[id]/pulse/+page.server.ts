import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { listPulseAnswers } from '#lib/server/pulse/pulse.queries.ts';
import { summarisePulse } from '#lib/server/pulse/pulse-summary.ts';
import { findOutcomeSettings } from '#lib/server/outcomes/outcome-settings.queries.ts';
import type { PageServerLoad } from './$types';

/* Facilitators see each session's pulse only as an aggregate, and only from the smallest group. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx } = await requireManager(db, locals, params.id);
	const { minGroup } = await findOutcomeSettings(db, ctx.cohort.organisationId);
	const answers = await listPulseAnswers(
		db,
		ctx.sessions.map((s) => s.id)
	);
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		minGroup,
		sessions: ctx.sessions.map((s) => ({
			number: s.number,
			title: sessionTitle(ctx, s.number, locals.locale),
			summary: summarisePulse(
				answers.filter((a) => a.cohortSessionId === s.id),
				minGroup
			)
		}))
	};
};
