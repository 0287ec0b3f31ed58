import { appContext } from '#lib/server/context.ts';
import { liveAccess, liveSubject } from '#lib/server/live/live-access.ts';
import { sessionRecord } from '#lib/server/live/session-record.ts';
import { ownWords } from '#lib/server/live/own-words.ts';
import type { PageServerLoad } from './$types';

/*
 * Participants and facilitators of the cohort revisit what their group shared; a participant
 * also finds the words they kept to themselves, which nobody else is shown.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	const subject = liveSubject(a, locals.locale);
	return {
		sessionId: a.session.id,
		cohortId: a.ctx.cohort.id,
		cohortName: a.ctx.cohort.name,
		number: a.session.number,
		facilitator: a.facilitator,
		ownWords: await ownWords(db, subject, a),
		record: await sessionRecord(db, subject)
	};
};
