import { and, count, eq, inArray, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import {
	cohorts,
	cohortSessions,
	emailOutbox,
	enrolments,
	evaluationRespondents,
	evaluationResponses,
	liveAnswers,
	liveEvents,
	liveRespondents,
	livePresence,
	liveState,
	liveVotes,
	momentSignals,
	notifications,
	pulseAnswers,
	pulseRespondents,
	users,
	workbookEntries,
	workbookEntryViews,
	workbookMapSnapshots,
	workbookPreferences
} from '../db/schema/index.ts';
import { NOTICE_KEY_PREFIX, type CohortKind } from './retention-periods.ts';

/**
 * Each of the organisation's cohorts with the moment it ended: when it was cancelled, or else
 * the end of its last session that was not cancelled (of its last session when all were).
 * Null for a cohort without sessions.
 */
export async function listCohortEnds(q: DbOrTx, organisationId: string) {
	const rows = await q
		.select({
			id: cohorts.id,
			name: cohorts.name,
			endedAt: sql<string | null>`coalesce(${cohorts.cancelledAt},
				max(${cohortSessions.endsAt}) filter (where ${cohortSessions.cancelledAt} is null),
				max(${cohortSessions.endsAt}))`
		})
		.from(cohorts)
		.leftJoin(cohortSessions, eq(cohortSessions.cohortId, cohorts.id))
		.where(eq(cohorts.organisationId, organisationId))
		.groupBy(cohorts.id);
	return rows.map((r) => ({ ...r, endedAt: r.endedAt ? new Date(r.endedAt) : null }));
}

/*
 * Where each kind keeps its rows: a table and how a row reaches its cohort, directly or through
 * its session (live data, the pulse) or its parent row (votes, entry views). `of` takes the
 * cohort id as SQL: a parameter when deleting one cohort's rows, the outer `cohorts.id` when
 * counting every cohort in one query. Children come first, so deleting in this order never
 * leaves a cascade to delete rows the count did not see.
 *
 * A person's own words in a live activity (an answer with their enrolment, not a Pass) are
 * shown in their workbook, so they follow the workbook's period and its notice; everything
 * else of the room (events, state, anonymous answers, passes, "moments", presence) follows
 * the live period. Votes go with the answer they are on.
 */
type Part = { table: PgTable; of: (cohortId: SQL) => SQL };
const sessionsOf = (c: SQL) =>
	sql`(select ${cohortSessions.id} from ${cohortSessions} where ${cohortSessions.cohortId} = ${c})`;
const bySession = (col: PgColumn) => (c: SQL) => sql`${col} in ${sessionsOf(c)}`;
const byCohort = (col: PgColumn) => (c: SQL) => sql`${col} = ${c}`;
const ownWords = sql`(${liveAnswers.enrolmentId} is not null and not ${liveAnswers.passed})`;
const ownAnswersOf = (c: SQL) =>
	sql`(select ${liveAnswers.id} from ${liveAnswers} where ${liveAnswers.cohortSessionId} in ${sessionsOf(c)} and ${ownWords})`;

const PARTS: Record<CohortKind, Part[]> = {
	live: [
		{
			table: liveVotes,
			of: (c) =>
				sql`${liveVotes.answerId} in (select ${liveAnswers.id} from ${liveAnswers} where ${liveAnswers.cohortSessionId} in ${sessionsOf(c)} and not ${ownWords})`
		},
		{
			table: liveAnswers,
			of: (c) => sql`${liveAnswers.cohortSessionId} in ${sessionsOf(c)} and not ${ownWords}`
		},
		{ table: liveEvents, of: bySession(liveEvents.cohortSessionId) },
		{ table: liveState, of: bySession(liveState.cohortSessionId) },
		{ table: momentSignals, of: bySession(momentSignals.cohortSessionId) },
		{ table: livePresence, of: bySession(livePresence.cohortSessionId) },
		// Who answered an anonymous poll goes with the anonymous answers.
		{ table: liveRespondents, of: bySession(liveRespondents.cohortSessionId) }
	],
	workbook: [
		{ table: liveVotes, of: (c) => sql`${liveVotes.answerId} in ${ownAnswersOf(c)}` },
		{ table: liveAnswers, of: (c) => sql`${liveAnswers.id} in ${ownAnswersOf(c)}` },
		{
			table: workbookEntryViews,
			of: (c) =>
				sql`${workbookEntryViews.entryId} in (select ${workbookEntries.id} from ${workbookEntries} where ${workbookEntries.cohortId} = ${c})`
		},
		{ table: workbookEntries, of: byCohort(workbookEntries.cohortId) },
		{ table: workbookMapSnapshots, of: byCohort(workbookMapSnapshots.cohortId) },
		{ table: workbookPreferences, of: byCohort(workbookPreferences.cohortId) }
	],
	evaluation: [
		{ table: evaluationResponses, of: byCohort(evaluationResponses.cohortId) },
		{ table: evaluationRespondents, of: byCohort(evaluationRespondents.cohortId) },
		{ table: pulseAnswers, of: bySession(pulseAnswers.cohortSessionId) },
		{ table: pulseRespondents, of: bySession(pulseRespondents.cohortSessionId) }
	]
};

/** How many rows of one kind each cohort still holds (all its tables together), in one query. */
export async function countCohortData(q: DbOrTx, kind: CohortKind, cohortIds: string[]) {
	if (cohortIds.length === 0) return new Map<string, number>();
	const outer = sql`${cohorts.id}`;
	const total = sql.join(
		PARTS[kind].map((p) => sql`(select count(*) from ${p.table} where ${p.of(outer)})`),
		sql` + `
	);
	const rows = await q
		.select({ id: cohorts.id, n: sql<number>`(${total})::int` })
		.from(cohorts)
		.where(inArray(cohorts.id, cohortIds));
	return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Deletes one kind of a cohort's data; returns how many rows went. */
export async function deleteCohortData(q: DbOrTx, kind: CohortKind, cohortId: string) {
	let n = 0;
	for (const p of PARTS[kind]) {
		const rows = await q
			.delete(p.table)
			.where(p.of(sql`${cohortId}`))
			.returning({ one: sql<number>`1` });
		n += rows.length;
	}
	return n;
}

/**
 * The people who have something in their workbook of this cohort: entries, map copies, or
 * their own words in a live activity (which the workbook shows).
 */
export function listWorkbookOwners(q: DbOrTx, cohortId: string) {
	const owners = sql`(select ${workbookEntries.userId} from ${workbookEntries} where ${workbookEntries.cohortId} = ${cohortId}
		union select ${workbookMapSnapshots.userId} from ${workbookMapSnapshots} where ${workbookMapSnapshots.cohortId} = ${cohortId}
		union select ${enrolments.userId} from ${enrolments} where ${enrolments.id} in (select ${liveAnswers.enrolmentId} from ${liveAnswers} where ${liveAnswers.id} in ${ownAnswersOf(sql`${cohortId}`)}))`;
	return q
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			locale: users.locale,
			timeZone: users.timeZone
		})
		.from(users)
		.where(sql`${users.id} in ${owners}`)
		.orderBy(users.id);
}

/** The workbook-deletion notices already sent for a cohort: who, and when. */
export function listRetentionNotices(q: DbOrTx, cohortId: string) {
	return q
		.select({ userId: notifications.userId, at: notifications.createdAt })
		.from(notifications)
		.where(
			and(eq(notifications.cohortId, cohortId), like(notifications.key, `${NOTICE_KEY_PREFIX}%`))
		);
}

/*
 * Outbox rows whose delivery is settled (sent, stored, or given up) before `before`, counted
 * from sending (or writing, when never sent). Rows about a cohort in `keepCohortIds` (still
 * running) stay; a row still queued or being sent is never touched.
 */
function outboxDue(before: Date, keepCohortIds: string[]) {
	return and(
		inArray(emailOutbox.status, ['sent', 'stored', 'failed']),
		sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.createdAt}) < ${before.toISOString()}`,
		keepCohortIds.length
			? or(sql`${emailOutbox.cohortId} is null`, notInArray(emailOutbox.cohortId, keepCohortIds))
			: undefined
	);
}

export async function countOutboxBefore(q: DbOrTx, before: Date, keepCohortIds: string[]) {
	const [row] = await q
		.select({ n: count() })
		.from(emailOutbox)
		.where(outboxDue(before, keepCohortIds));
	return row?.n ?? 0;
}

export async function deleteOutboxBefore(q: DbOrTx, before: Date, keepCohortIds: string[]) {
	const rows = await q
		.delete(emailOutbox)
		.where(outboxDue(before, keepCohortIds))
		.returning({ id: emailOutbox.id });
	return rows.length;
}
