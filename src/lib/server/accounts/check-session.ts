import type { Db } from '../db/client.ts';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { deleteSessionById, markSessionActive } from './sessions.queries.ts';
import { ACTIVITY_WRITE_S, sessionEnded, type SessionTimes } from './session-limits.ts';

/**
 * Applies the idle and absolute timeouts to the session a request came with (staff get the
 * shorter ones, session-limits.ts). A session that is over is deleted, so the request goes on
 * signed out, and the person's live streams are ended. Otherwise its last-active time moves
 * to `now` (at most once a minute, and only then does it cost a write).
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
	// The session as read already says when it was last active: within the minute, there is
	// nothing to write, and every request would otherwise pay a database round trip for it.
	const last = input.session.lastActiveAt;
	if (!last || input.now.getTime() - last.getTime() >= ACTIVITY_WRITE_S * 1000) {
		await markSessionActive(db, input.session.id, input.now, ACTIVITY_WRITE_S);
	}
	return { ok: true };
}
