import type { Db } from '../db/client.ts';
import type { AttendanceStatus } from '../db/schema/index.ts';
import {
	findEnrolledInSession,
	insertRoomAttendance,
	isEnrolmentInSession,
	setAttendance
} from './attendance.queries.ts';
import { issueOnCompletion } from '../certificates/issue-on-completion.ts';

/* Joining more than this long after the start is recorded as late. */
export const LATE_AFTER_MINUTES = 10;

/**
 * Called by the live room when a participant joins a session: the first join records
 * present (or late); later joins and facilitators' corrections are left as they are.
 * Returns null when the person is not enrolled in that session's cohort.
 */
export async function recordRoomJoin(
	db: Db,
	input: { cohortSessionId: string; userId: string; now?: Date }
) {
	const row = await findEnrolledInSession(db, input.cohortSessionId, input.userId);
	if (!row) return null;
	return recordEnrolledJoin(db, { ...input, enrolmentId: row.enrolmentId, startsAt: row.startsAt });
}

/* Who has been recorded already, per process: the live page is fetched again on every event,
 * and the first join is all that counts. A bounded memo; a miss only costs one no-op insert. */
const recorded = new Set<string>();

/** As recordRoomJoin, for a caller that already knows the enrolment and the start. */
export async function recordEnrolledJoin(
	db: Db,
	input: { cohortSessionId: string; enrolmentId: string; startsAt: Date; now?: Date }
) {
	const now = input.now ?? new Date();
	const late = now.getTime() - input.startsAt.getTime() > LATE_AFTER_MINUTES * 60_000;
	const status: AttendanceStatus = late ? 'late' : 'present';
	const key = `${input.cohortSessionId} ${input.enrolmentId}`;
	if (recorded.has(key)) return status;
	const inserted = await insertRoomAttendance(db, {
		cohortSessionId: input.cohortSessionId,
		enrolmentId: input.enrolmentId,
		status,
		at: now
	});
	// A first join may be the one that completes the course: that issues the certificate.
	if (inserted) await issueOnCompletion(db, { enrolmentId: input.enrolmentId, now });
	if (recorded.size > 50_000) recorded.clear();
	recorded.add(key);
	return status;
}

/** A facilitator's correction; it wins over what the room recorded. */
export async function correctAttendance(
	db: Db,
	input: {
		cohortId: string;
		cohortSessionId: string;
		enrolmentId: string;
		status: AttendanceStatus;
		by: string;
	}
) {
	if (!(await isEnrolmentInSession(db, input))) return false;
	await setAttendance(db, input);
	await issueOnCompletion(db, { enrolmentId: input.enrolmentId });
	return true;
}
