import type { Db } from '../db/client.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { listFacilitators } from '../cohorts/cohorts.queries.ts';
import { completionOf } from '../attendance/completion.ts';
import type { AttendanceStatus } from '../db/schema/index.ts';
import { newToken } from '../security/tokens.ts';
import { certificateFacts } from './certificate-facts.ts';
import {
	findEnrolmentPerson,
	hasAnyCertificate,
	insertCertificate,
	listEnrolmentAttendance,
	type Certificate
} from './certificates.queries.ts';

export type IssueResult =
	| { ok: true; certificate: Certificate }
	| {
			ok: false;
			reason: 'not-found' | 'not-enrolled' | 'not-completed' | 'already-issued' | 'reason-missing';
	  };

/**
 * Issues a certificate for one enrolment.
 * - automatic (`by` null): only when the completion rule says "completed", and only if the
 *   enrolment never had one: a certificate a facilitator revoked is not issued again by the
 *   next attendance change.
 * - by a facilitator: with a reason, for an enrolled participant who holds no valid one,
 *   whatever the completion rule says (a participant who made up a missed session elsewhere).
 * At most one valid certificate per enrolment, guaranteed by a partial unique index, so two
 * simultaneous attendance writes still issue one.
 */
export async function issueCertificate(
	db: Db,
	input: {
		cohortId: string;
		enrolmentId: string;
		by: string | null;
		reason?: string | null;
		now?: Date;
	}
): Promise<IssueResult> {
	const now = input.now ?? new Date();
	const reason = input.reason?.trim() || null;
	if (input.by && !reason) return { ok: false, reason: 'reason-missing' };
	const person = await findEnrolmentPerson(db, input.enrolmentId);
	if (!person || person.cohortId !== input.cohortId) return { ok: false, reason: 'not-found' };
	if (person.status !== 'enrolled') return { ok: false, reason: 'not-enrolled' };
	const ctx = await loadCohortContext(db, person.cohortId);
	if (!ctx) return { ok: false, reason: 'not-found' };
	const marks = new Map<string, AttendanceStatus>(
		(await listEnrolmentAttendance(db, person.id)).map((a) => [a.cohortSessionId, a.status])
	);
	if (!input.by) {
		if (await hasAnyCertificate(db, person.id)) return { ok: false, reason: 'already-issued' };
		const live = ctx.sessions.filter((s) => !s.cancelledAt);
		if (completionOf(ctx.cohort.completionRule, live, marks, now) !== 'completed') {
			return { ok: false, reason: 'not-completed' };
		}
	}
	const facilitators = (await listFacilitators(db, person.cohortId)).map((f) => f.name);
	const certificate = await insertCertificate(db, {
		organisationId: ctx.cohort.organisationId,
		cohortId: person.cohortId,
		enrolmentId: person.id,
		// 160 bits would do; the project's one token size (256 bits) keeps it simple.
		code: newToken(),
		nameOnCertificate: person.displayName || person.name,
		facts: certificateFacts(ctx, facilitators, marks),
		issuedAt: now,
		issuedBy: input.by,
		issueReason: reason
	});
	if (!certificate) return { ok: false, reason: 'already-issued' };
	return { ok: true, certificate };
}
