import { error, redirect } from '@sveltejs/kit';
import { isUuid } from '#lib/forms/fields.ts';
import { eq } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { cohortSessions } from '../db/schema/index.ts';
import { cohortAccess } from '../cohorts/cohort-access.ts';

/**
 * Who may be in a live session: its cohort's facilitators (and organisation admins), and
 * participants with a place. Waiting or requesting people, other cohorts and strangers get a
 * 404, so session ids reveal nothing.
 */
export async function liveAccess(db: Db, locals: App.Locals, sessionId: string) {
	if (!locals.user) redirect(303, '/sign-in');
	if (!isUuid(sessionId)) error(404, m.error_not_found());
	const [s] = await db.select().from(cohortSessions).where(eq(cohortSessions.id, sessionId));
	if (!s) error(404, m.error_not_found());
	const a = await cohortAccess(db, locals, s.cohortId);
	if (!a.manages && a.enrolment?.status !== 'enrolled') error(404, m.error_not_found());
	const structure = a.ctx.pkg.sessions.find((x) => x.structure.number === s.number);
	if (!structure) error(404, m.error_not_found());
	return {
		...a,
		session: s,
		structure,
		facilitator: a.manages,
		enrolmentId: a.enrolment?.status === 'enrolled' ? a.enrolment.id : null
	};
}

/** Which session and course text a live view or record is about, from a liveAccess result. */
export function liveSubject(a: Awaited<ReturnType<typeof liveAccess>>, locale: string) {
	return {
		sessionId: a.session.id,
		pkg: a.ctx.pkg,
		number: a.session.number,
		structure: a.structure.structure,
		cohortId: a.ctx.cohort.id,
		locale
	};
}
