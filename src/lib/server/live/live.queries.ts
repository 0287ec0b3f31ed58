import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
	cohortSessions,
	enrolments,
	liveAnswers,
	liveState,
	liveVotes,
	momentSignals,
	users
} from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import { preparedPer } from '../db/prepared.ts';

type Q = Db | Tx;

/** Everyone with a place in the session's cohort (enrolment id and language). */
export function listSessionParticipants(q: Q, sessionId: string) {
	return q
		.select({ id: enrolments.id, locale: users.locale })
		.from(cohortSessions)
		.innerJoin(enrolments, eq(enrolments.cohortId, cohortSessions.cohortId))
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(cohortSessions.id, sessionId), eq(enrolments.status, 'enrolled')));
}

export async function findLiveState(q: Q, sessionId: string) {
	const [row] = await liveStateOf(q).execute({ sessionId });
	return row;
}

// Every live page and every shared panel asks this: built once per handle.
const liveStateOf = preparedPer((q: Q) =>
	q
		.select()
		.from(liveState)
		.where(eq(liveState.cohortSessionId, sql.placeholder('sessionId')))
		.prepare('find_live_state')
);

/** Begins a session: its state row, at the first part. False when it had begun already. */
export async function insertLiveState(tx: Tx, sessionId: string, now: Date) {
	const rows = await tx
		.insert(liveState)
		.values({
			cohortSessionId: sessionId,
			blockIndex: 0,
			blockStartedAt: now,
			startedAt: now,
			updatedAt: now
		})
		.onConflictDoNothing()
		.returning({ id: liveState.cohortSessionId });
	return rows.length === 1;
}

/** The session's state row, locked for update; an action before "begin" creates it, at `now`. */
export async function lockState(tx: Tx, sessionId: string, now: Date) {
	const locked = () =>
		tx.select().from(liveState).where(eq(liveState.cohortSessionId, sessionId)).for('update');
	// Once the session has begun the row exists: one statement on every later action.
	const [row] = await locked();
	if (row) return row;
	await tx
		.insert(liveState)
		.values({ cohortSessionId: sessionId, startedAt: now, blockStartedAt: now, updatedAt: now })
		.onConflictDoNothing();
	return (await locked())[0];
}

export async function upsertLiveState(
	tx: Tx,
	sessionId: string,
	patch: Partial<typeof liveState.$inferInsert>
) {
	const [row] = await tx
		.update(liveState)
		.set({ updatedAt: new Date(), ...patch })
		.where(eq(liveState.cohortSessionId, sessionId))
		.returning();
	return row;
}

export function listAnswers(q: Q, sessionId: string, blockId: string) {
	return q
		.select()
		.from(liveAnswers)
		.where(and(eq(liveAnswers.cohortSessionId, sessionId), eq(liveAnswers.blockId, blockId)))
		.orderBy(asc(liveAnswers.createdAt));
}

/**
 * One person's answers to a session that they kept to themselves ("only you can read it"):
 * not shared with the group, not a pass, oldest first.
 */
export function listKeptAnswers(q: Q, sessionId: string, enrolmentId: string) {
	return q
		.select({ blockId: liveAnswers.blockId, payload: liveAnswers.payload })
		.from(liveAnswers)
		.where(
			and(
				eq(liveAnswers.cohortSessionId, sessionId),
				eq(liveAnswers.enrolmentId, enrolmentId),
				eq(liveAnswers.shared, false),
				eq(liveAnswers.passed, false)
			)
		)
		.orderBy(asc(liveAnswers.createdAt));
}

export async function markAnswerHidden(q: Q, sessionId: string, id: string, by: string) {
	const rows = await q
		.update(liveAnswers)
		.set({ hiddenBy: by })
		.where(and(eq(liveAnswers.cohortSessionId, sessionId), eq(liveAnswers.id, id)))
		.returning({ id: liveAnswers.id, blockId: liveAnswers.blockId });
	return rows[0];
}

export async function insertMoment(
	q: Q,
	m: { id: string; cohortSessionId: string; enrolmentId: string }
) {
	const rows = await q
		.insert(momentSignals)
		.values(m)
		.onConflictDoNothing()
		.returning({ id: momentSignals.id });
	return rows.length === 1;
}

export function listOpenMoments(q: Q, sessionId: string) {
	return q
		.select()
		.from(momentSignals)
		.where(and(eq(momentSignals.cohortSessionId, sessionId), isNull(momentSignals.acknowledgedAt)))
		.orderBy(asc(momentSignals.createdAt));
}

export async function markMomentAcknowledged(q: Q, sessionId: string, id: string, by: string) {
	const rows = await q
		.update(momentSignals)
		.set({ acknowledgedAt: new Date(), acknowledgedBy: by })
		.where(
			and(
				eq(momentSignals.cohortSessionId, sessionId),
				eq(momentSignals.id, id),
				isNull(momentSignals.acknowledgedAt)
			)
		)
		.returning({ id: momentSignals.id, enrolmentId: momentSignals.enrolmentId });
	return rows[0];
}

export async function listVotes(q: Q, answerIds: string[]) {
	const rows = await q
		.select({ id: liveVotes.answerId, n: count() })
		.from(liveVotes)
		.where(inArray(liveVotes.answerId, answerIds))
		.groupBy(liveVotes.answerId);
	return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** One vote per person per question; false when it was already there. */
export async function insertVote(q: Q, answerId: string, enrolmentId: string) {
	const rows = await q
		.insert(liveVotes)
		.values({ answerId, enrolmentId })
		.onConflictDoNothing()
		.returning({ id: liveVotes.answerId });
	return rows.length === 1;
}

export async function findAnswer(q: Q, sessionId: string, id: string) {
	const [row] = await q
		.select()
		.from(liveAnswers)
		.where(and(eq(liveAnswers.cohortSessionId, sessionId), eq(liveAnswers.id, id)));
	return row;
}

/*
 * What one person's live page needs besides the state, in one round trip (the page is fetched
 * again on every event): their answer to the running activity, their latest "I need a
 * moment" and whether it was seen, and the newest event id to resume the stream from.
 */
export async function findPersonalSnapshot(
	q: Q,
	input: { sessionId: string; blockId: string | null; enrolmentId: string | null }
) {
	const { sessionId, blockId, enrolmentId } = input;
	type Row = {
		passed: boolean | null;
		moment_id: string | null;
		moment_seen: boolean | null;
		last_id: string | number;
		own: { b: string; p: boolean }[] | null;
	};
	const [row] = (await q.execute(sql`
		select
			(select passed from (
				select passed from live_answers
					where cohort_session_id = ${sessionId} and block_id = ${blockId ?? ''}
					and enrolment_id = ${enrolmentId}
				union all
				select passed from live_respondents
					where cohort_session_id = ${sessionId} and block_id = ${blockId ?? ''}
					and enrolment_id = ${enrolmentId}) mine limit 1) as passed,
			(select id from moment_signals
				where cohort_session_id = ${sessionId} and enrolment_id = ${enrolmentId}
				order by created_at desc limit 1) as moment_id,
			(select acknowledged_at is not null from moment_signals
				where cohort_session_id = ${sessionId} and enrolment_id = ${enrolmentId}
				order by created_at desc limit 1) as moment_seen,
			(select coalesce(max(id), 0) from live_events where cohort_session_id = ${sessionId}) as last_id,
			(select json_agg(json_build_object('b', block_id, 'p', passed)) from (
				select block_id, passed from live_answers
					where cohort_session_id = ${sessionId} and enrolment_id = ${enrolmentId}
				union all
				-- Anonymous polls: that the person answered, from the respondents kept apart.
				select block_id, passed from live_respondents
					where cohort_session_id = ${sessionId} and enrolment_id = ${enrolmentId}) own) as own`)) as unknown as Row[];
	return {
		mine: blockId && enrolmentId && row.passed !== null ? { passed: row.passed } : null,
		moment:
			enrolmentId && row.moment_id ? { id: row.moment_id, acknowledged: !!row.moment_seen } : null,
		lastEventId: Number(row.last_id),
		/** The blocks this person answered or passed in the session (for the room's script). */
		own: {
			answered: (row.own ?? []).filter((o) => !o.p).map((o) => o.b),
			passed: (row.own ?? []).filter((o) => o.p).map((o) => o.b)
		}
	};
}
