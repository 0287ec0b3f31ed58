import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** The channel on which every instance hears that someone's access changed. */
export const ACCESS_CHANNEL = 'trellis_access';

/**
 * Tells every app instance that `userId`'s access changed (a place ended, a role removed, a
 * session signed out). Inside a transaction the notice goes out only if it commits. Each
 * instance then ends that person's open live streams; the browser reconnects, and the
 * reconnect is authorised afresh, so only streams that lost their reason stay closed.
 */
export async function notifyAccessChanged(q: Pick<Db, 'execute'>, userId: string) {
	await q.execute(sql`select pg_notify(${ACCESS_CHANNEL}, ${userId})`);
}
