import { appContext } from '#lib/server/context.ts';
import { liveAccess, liveSubject } from '#lib/server/live/live-access.ts';
import { sessionRecord } from '#lib/server/live/session-record.ts';
import type { PageServerLoad } from './$types';

/* Participants and facilitators of the cohort revisit what their group shared. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	return {
		sessionId: a.session.id,
		cohortId: a.ctx.cohort.id,
		cohortName: a.ctx.cohort.name,
		number: a.session.number,
		facilitator: a.facilitator,
		record: await sessionRecord(db, liveSubject(a, locals.locale))
	};
};
