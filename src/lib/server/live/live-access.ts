import { error, redirect } from '@sveltejs/kit';
import { isUuid } from '#lib/forms/fields.ts';
import * as m from '#lib/paraglide/messages.js';
import type { Db } from '../db/client.ts';
import type { CoursePackage } from '../courses/validate-course-package.ts';
import { findCourseVersion } from '../courses/course-versions.queries.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';
import { findLiveMembership } from './live-access.queries.ts';
import { joinWindow } from '../video/join-session.ts';

/**
 * Who may be in a live session: its cohort's facilitators (and organisation admins), and
 * participants with a place. Waiting or requesting people, other cohorts and strangers get a
 * 404, so session ids reveal nothing. The same rule as `cohortAccess`, in two queries (the
 * course version is immutable and cached), because every answer and action passes here.
 */
export async function liveAccess(db: Db, locals: App.Locals, sessionId: string) {
	if (!locals.user) redirect(303, '/sign-in');
	if (!isUuid(sessionId)) error(404, m.error_not_found());
	// As in cohortAccess: without a role in the organisation, no place counts.
	const { admin, facilitator: facilitatorRole, participant } = locals.roles;
	if (!admin && !facilitatorRole && !participant) error(404, m.error_not_found());
	const org = await currentOrganisation(db);
	const row = await findLiveMembership(db, sessionId, locals.user.id);
	if (!row || row.cohort.organisationId !== org.id) error(404, m.error_not_found());
	const facilitator = !!row.facilitator && (facilitatorRole || admin);
	const manages = facilitator || admin;
	const enrolment = row.enrolment?.status === 'enrolled' ? row.enrolment : undefined;
	if (!manages && !enrolment) error(404, m.error_not_found());
	const version = await findCourseVersion(db, row.cohort.courseVersionId);
	const pkg = version.package as CoursePackage;
	const structure = pkg.sessions.find((x) => x.structure.number === row.session.number);
	if (!structure) error(404, m.error_not_found());
	const ctx = {
		cohort: row.cohort,
		pkg,
		courseSlug: version.slug,
		version: version.version,
		organisation: row.organisation
	};
	return {
		ctx,
		user: locals.user,
		manages,
		facilitator: manages,
		enrolment,
		session: row.session,
		structure,
		enrolmentId: enrolment ? enrolment.id : null
	};
}

/** Which session and course text a live view or record is about. */
export type LiveSubject = ReturnType<typeof liveSubject>;

/** The LiveSubject of a liveAccess result, in the viewer's language. */
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

/**
 * Where a session's room stands. Before its join window opens (15 minutes before the start)
 * the room is a preview: its facilitators and admins may open the console, the projector and
 * the participants' view to see what each will show, but nothing in it can be changed (every
 * facilitator action is refused) and participants cannot come in (their page sends them to
 * the cohort, their stream and their posts are refused). From the window on it is open, and
 * after the session's end it is over (the room stays open for finishing and the record).
 */
export function roomPhase(
	session: { startsAt: Date; endsAt: Date },
	now = new Date()
): 'preview' | 'open' | 'over' {
	const w = joinWindow(session, now);
	return w === 'early' ? 'preview' : w;
}
