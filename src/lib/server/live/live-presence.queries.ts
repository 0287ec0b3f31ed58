import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { enrolments, livePresence, users } from '../db/schema/index.ts';

export type PresenceRow = { cohortSessionId: string; enrolmentId: string; streams: number };

// The database clock, not the app's: instances compare each other's heartbeats.
const olderThan = (seconds: number) =>
	lt(livePresence.seenAt, sql`now() - make_interval(secs => ${seconds})`);
const newerThan = (seconds: number) =>
	gt(livePresence.seenAt, sql`now() - make_interval(secs => ${seconds})`);

/**
 * Writes this instance's stream counts and marks them seen now. If the batch fails (a row whose
 * enrolment or session was removed meanwhile), each row is written on its own and the ones
 * that cannot be are dropped, so one gone person does not hide everyone else.
 */
export async function upsertPresence(db: Db, instanceId: string, rows: PresenceRow[]) {
	if (!rows.length) return;
	const write = (list: PresenceRow[]) =>
		db
			.insert(livePresence)
			.values(list.map((r) => ({ ...r, instanceId, seenAt: sql`now()` })))
			.onConflictDoUpdate({
				target: [livePresence.cohortSessionId, livePresence.enrolmentId, livePresence.instanceId],
				set: { streams: sql`excluded.streams`, seenAt: sql`now()` }
			});
	try {
		await write(rows);
	} catch (e) {
		if (rows.length === 1) throw e;
		for (const r of rows) await write([r]).catch(() => undefined);
	}
}

export async function deletePresence(
	db: Db,
	instanceId: string,
	row: { cohortSessionId: string; enrolmentId: string }
) {
	await db
		.delete(livePresence)
		.where(
			and(
				eq(livePresence.instanceId, instanceId),
				eq(livePresence.cohortSessionId, row.cohortSessionId),
				eq(livePresence.enrolmentId, row.enrolmentId)
			)
		);
}

/** Deletes rows nobody refreshed within `seconds`, and optionally all rows of one instance. */
export async function deleteStalePresence(db: Db, seconds: number, instanceId?: string) {
	await db
		.delete(livePresence)
		.where(
			instanceId
				? or(olderThan(seconds), eq(livePresence.instanceId, instanceId))
				: olderThan(seconds)
		);
}

/** Participants with a stream open on any instance that was seen within `seconds`. */
export function listPresentParticipants(db: Db, sessionId: string, seconds: number) {
	return db
		.selectDistinct({
			enrolmentId: enrolments.id,
			displayName: enrolments.displayName,
			name: users.name
		})
		.from(livePresence)
		.innerJoin(enrolments, eq(enrolments.id, livePresence.enrolmentId))
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(
			and(
				eq(livePresence.cohortSessionId, sessionId),
				gt(livePresence.streams, 0),
				newerThan(seconds),
				eq(enrolments.status, 'enrolled')
			)
		);
}
