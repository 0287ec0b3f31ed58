import type { Db } from '../db/client.ts';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { deleteSessionOfUser } from './sessions.queries.ts';

/**
 * Ends one of the person's own sessions, chosen by its id from their list. A session of
 * someone else, or one already gone, is refused as 'not-found' and nothing changes.
 */
export async function revokeSession(
	db: Db,
	input: { userId: string; sessionId: string }
): Promise<{ ok: true } | { ok: false; reason: 'not-found' }> {
	const n = await deleteSessionOfUser(db, input.userId, input.sessionId);
	if (n === 0) return { ok: false, reason: 'not-found' };
	await notifyAccessChanged(db, input.userId);
	return { ok: true };
}
