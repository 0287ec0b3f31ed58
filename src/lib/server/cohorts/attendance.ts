import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cohortSessions, enrolments, type AttendanceStatus } from '../db/schema/index.ts';
import { insertRoomAttendance, setAttendance } from './cohorts.queries.ts';

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
	const [row] = await db
		.select({ enrolmentId: enrolments.id, startsAt: cohortSessions.startsAt })
		.from(cohortSessions)
		.innerJoin(enrolments, eq(enrolments.cohortId, cohortSessions.cohortId))
		.where(
			and(
				eq(cohortSessions.id, input.cohortSessionId),
				eq(enrolments.userId, input.userId),
				eq(enrolments.status, 'enrolled')
			)
		);
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
	await insertRoomAttendance(db, {
		cohortSessionId: input.cohortSessionId,
		enrolmentId: input.enrolmentId,
		status,
		at: now
	});
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
	const [ok] = await db
		.select({ id: enrolments.id })
		.from(enrolments)
		.innerJoin(cohortSessions, eq(cohortSessions.cohortId, enrolments.cohortId))
		.where(
			and(
				eq(enrolments.id, input.enrolmentId),
				eq(enrolments.cohortId, input.cohortId),
				eq(cohortSessions.id, input.cohortSessionId)
			)
		);
	if (!ok) return false;
	await setAttendance(db, input);
	return true;
}
