import type { LiveEvent } from '#lib/live/live-events.ts';
import type { Db, Tx } from '../db/client.ts';
import { log } from '../log.ts';
import { insertLiveEvents, type NewLiveEvent } from './live-events.queries.ts';

/** Tells every event stream, on every instance, that a session has new events. */
export type Announce = (sessionId: string) => Promise<void>;

/** Collects the events a transaction records; they are written just before it commits. */
export type LiveEventLog = {
	record: (sessionId: string, event: LiveEvent) => void;
};

/**
 * Runs `work` in one transaction, writes the live events it recorded at the end of that
 * transaction, and announces each touched session once, after the commit. Every writer of
 * live events goes through here, so none can announce too early (another instance would
 * read the log before the rows are visible) or forget to announce.
 *
 * Nothing recorded, nothing announced (a refused action stays silent). A failed
 * announcement is logged, not thrown: the change is committed, and the next announcement of
 * the session delivers these events too.
 */
export async function commitLiveEvents<T>(
	db: Db,
	announce: Announce,
	work: (tx: Tx, events: LiveEventLog) => Promise<T>
): Promise<T> {
	const recorded: NewLiveEvent[] = [];
	const result = await db.transaction(async (tx) => {
		const out = await work(tx, {
			record: (sessionId, event) => void recorded.push({ sessionId, event })
		});
		await insertLiveEvents(tx, recorded);
		return out;
	});
	const sessions = [...new Set(recorded.map((e) => e.sessionId))];
	await Promise.all(
		sessions.map((sessionId) =>
			announce(sessionId).catch((e) =>
				log.warn({ err: String(e), sessionId }, 'announcing live events failed')
			)
		)
	);
	return result;
}
