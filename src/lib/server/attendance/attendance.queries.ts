import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	attendance,
	cohortSessions,
	enrolments,
	type AttendanceStatus
} from '../db/schema/index.ts';

export function listAttendance(q: DbOrTx, cohortId: string) {
	return q
		.select({
			cohortSessionId: attendance.cohortSessionId,
			enrolmentId: attendance.enrolmentId,
			status: attendance.status,
			source: attendance.source
		})
		.from(attendance)
		.innerJoin(cohortSessions, eq(cohortSessions.id, attendance.cohortSessionId))
		.where(eq(cohortSessions.cohortId, cohortId));
}

/** A first join records attendance; a later join, or one after a correction, changes nothing. */
export async function insertRoomAttendance(
	q: DbOrTx,
	a: { cohortSessionId: string; enrolmentId: string; status: AttendanceStatus; at: Date }
) {
	const rows = await q
		.insert(attendance)
		.values({
			cohortSessionId: a.cohortSessionId,
			enrolmentId: a.enrolmentId,
			status: a.status,
			source: 'room',
			firstJoinedAt: a.at,
			updatedAt: a.at
		})
		.onConflictDoNothing()
		.returning({ status: attendance.status });
	return rows[0];
}

export async function setAttendance(
	q: DbOrTx,
	a: { cohortSessionId: string; enrolmentId: string; status: AttendanceStatus; by: string }
) {
	const now = new Date();
	await q
		.insert(attendance)
		.values({
			cohortSessionId: a.cohortSessionId,
			enrolmentId: a.enrolmentId,
			status: a.status,
			source: 'facilitator',
			updatedBy: a.by,
			updatedAt: now
		})
		.onConflictDoUpdate({
			target: [attendance.cohortSessionId, attendance.enrolmentId],
			set: { status: a.status, source: 'facilitator', updatedBy: a.by, updatedAt: now }
		});
}

/** The enrolment of a person who may join this session (enrolled in its cohort), with its start. */
export async function findEnrolledInSession(q: DbOrTx, cohortSessionId: string, userId: string) {
	const [row] = await q
		.select({ enrolmentId: enrolments.id, startsAt: cohortSessions.startsAt })
		.from(cohortSessions)
		.innerJoin(enrolments, eq(enrolments.cohortId, cohortSessions.cohortId))
		.where(
			and(
				eq(cohortSessions.id, cohortSessionId),
				eq(enrolments.userId, userId),
				eq(enrolments.status, 'enrolled')
			)
		);
	return row;
}

/** Whether enrolment and session both belong to the cohort: a correction cannot reach across. */
export async function isEnrolmentInSession(
	q: DbOrTx,
	a: { cohortId: string; cohortSessionId: string; enrolmentId: string }
) {
	const [row] = await q
		.select({ id: enrolments.id })
		.from(enrolments)
		.innerJoin(cohortSessions, eq(cohortSessions.cohortId, enrolments.cohortId))
		.where(
			and(
				eq(enrolments.id, a.enrolmentId),
				eq(enrolments.cohortId, a.cohortId),
				eq(cohortSessions.id, a.cohortSessionId)
			)
		);
	return !!row;
}
