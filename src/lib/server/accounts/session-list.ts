import type { Db } from '../db/client.ts';
import { deviceLabel } from './device-label.ts';
import { listActiveSessions } from './sessions.queries.ts';

/**
 * A person's active sessions as the profile lists them: browser and system, when signed in,
 * when last active, and which one is this browser. The token never leaves the server.
 */
export async function sessionList(db: Db, userId: string, currentId?: string | null) {
	const rows = await listActiveSessions(db, userId, new Date());
	return rows.map((s) => ({
		id: s.id,
		current: s.id === currentId,
		...deviceLabel(s.userAgent),
		lastActive: s.lastActiveAt ?? s.updatedAt,
		signedIn: s.createdAt
	}));
}
