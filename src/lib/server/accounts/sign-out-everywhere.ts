import type { Db } from '../db/client.ts';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { deleteSessionsOfUser } from './sessions.queries.ts';

/**
 * Ends every session of the person, on every device, this one included (the route then
 * clears this browser's cookie). Their open live streams end too. Returns how many ended.
 */
export async function signOutEverywhere(db: Db, userId: string): Promise<number> {
	const n = await deleteSessionsOfUser(db, userId);
	await notifyAccessChanged(db, userId);
	return n;
}
