import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { audienceOf, type LiveEvent } from '#lib/live/live-events.ts';
import type { Db } from '../db/client.ts';
import { preparedPer } from '../db/prepared.ts';
import { liveEvents } from '../db/schema/index.ts';

/** A row of the event log, with its kind and payload typed together as the contract says. */
export type StoredLiveEvent = Omit<typeof liveEvents.$inferSelect, 'kind' | 'payload'> & LiveEvent;

/** One event to append, for one session. */
export type NewLiveEvent = { sessionId: string; event: LiveEvent };

/*
 * Event ids come from one sequence, and two transactions can take ids in one order and commit
 * in the other. A stream that had read the later id would then move past the earlier one and
 * never deliver it. So writers of a session's events queue behind one transaction-scoped lock
 * per session: within a session, ids commit in the order they were taken. Locks are taken in
 * sorted order, so two writers of several sessions cannot deadlock.
 */
async function lockSessionEvents(tx: Db, sessionIds: string[]) {
	for (const id of [...new Set(sessionIds)].sort()) {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`live:${id}`}))`);
	}
}

/**
 * Appends events in the given order; the only writer of `live_events`. Call inside the
 * transaction that made the change the events report (commitLiveEvents does), so the lock
 * above is held until commit. The audience comes from the kind.
 */
export async function insertLiveEvents(tx: Db, events: NewLiveEvent[]) {
	if (!events.length) return [];
	await lockSessionEvents(
		tx,
		events.map((e) => e.sessionId)
	);
	const rows = await tx
		.insert(liveEvents)
		.values(
			events.map(({ sessionId, event }) => ({
				cohortSessionId: sessionId,
				kind: event.kind,
				audience: audienceOf(event.kind),
				payload: event.payload
			}))
		)
		.returning({ id: liveEvents.id });
	return rows.map((r) => r.id);
}

/** A session's events after `afterId`, oldest first (participants get those meant for all). */
export async function listLiveEventsAfter(
	q: Db,
	sessionId: string,
	afterId: number,
	opts: { facilitator?: boolean } = {}
) {
	const query = opts.facilitator === false ? eventsForAll(q) : allEvents(q);
	const rows = await query.execute({ sessionId, afterId });
	// insertLiveEvents is the only writer and pairs each kind with its payload type.
	return rows as StoredLiveEvent[];
}

/* Every delivery and every stream that opens asks one of these: built once per handle. */
const eventsAfter = (q: Db, onlyForAll: boolean) =>
	q
		.select()
		.from(liveEvents)
		.where(
			and(
				eq(liveEvents.cohortSessionId, sql.placeholder('sessionId')),
				gt(liveEvents.id, sql.placeholder('afterId')),
				onlyForAll ? eq(liveEvents.audience, 'all') : undefined
			)
		)
		.orderBy(asc(liveEvents.id))
		.limit(5000)
		.prepare(onlyForAll ? 'live_events_after_for_all' : 'live_events_after');
const allEvents = preparedPer((q: Db) => eventsAfter(q, false));
const eventsForAll = preparedPer((q: Db) => eventsAfter(q, true));

export async function findLatestLiveEventId(q: Db, sessionId: string) {
	const [row] = await q
		.select({ id: sql<number>`coalesce(max(${liveEvents.id}), 0)::bigint` })
		.from(liveEvents)
		.where(eq(liveEvents.cohortSessionId, sessionId));
	return Number(row.id);
}

/** The payloads of a session's `results` events (the session record reads which were shown). */
export async function listRevealedResults(q: Db, sessionId: string) {
	const rows = await q
		.select({ payload: liveEvents.payload })
		.from(liveEvents)
		.where(and(eq(liveEvents.cohortSessionId, sessionId), eq(liveEvents.kind, 'results')));
	return rows.map((r) => r.payload as LiveEvent<'results'>['payload']);
}
