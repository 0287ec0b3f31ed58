import type { Db } from '../db/client.ts';
import { deletePasskeyOfUser } from './second-factors.queries.ts';

/** Removes one of the person's own passkeys; another person's, or an unknown id, is 'not-found'. */
export async function removePasskey(
	db: Db,
	input: { userId: string; passkeyId: string }
): Promise<{ ok: true } | { ok: false; reason: 'not-found' }> {
	const n = await deletePasskeyOfUser(db, input.userId, input.passkeyId);
	return n ? { ok: true } : { ok: false, reason: 'not-found' };
}
