import type { Db } from '../db/client.ts';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { deleteSessionById, markSessionActive } from './sessions.queries.ts';
import { ACTIVITY_WRITE_S, sessionEnded, type SessionTimes } from './session-limits.ts';

/**
 * Applies the idle and absolute timeouts to the session a request came with (staff get the
 * shorter ones, session-limits.ts). A session that is over is deleted, so the request goes on
 * signed out, and the person's live streams are ended. Otherwise its last-active time moves
 * to `now` (at most once a minute).
 */
export async function checkSession(
	db: Db,
	input: { session: SessionTimes & { id: string; userId: string }; staff: boolean; now: Date }
): Promise<{ ok: true } | { ok: false; reason: 'idle' | 'absolute' }> {
	const ended = sessionEnded(input.session, input.staff, input.now);
	if (ended) {
		await deleteSessionById(db, input.session.id);
		await notifyAccessChanged(db, input.session.userId);
		return { ok: false, reason: ended };
	}
	await markSessionActive(db, input.session.id, input.now, ACTIVITY_WRITE_S);
	return { ok: true };
}
