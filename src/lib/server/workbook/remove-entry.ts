import type { Db } from '../db/client.ts';
import { deleteEntry, findEntry } from './workbook.queries.ts';

/** The owner deletes an entry for good (with the record of who opened it). Others, or under another
 * cohort's address: 'not-found'. */
export async function removeEntry(
	db: Db,
	input: { entryId: string; cohortId: string; userId: string }
): Promise<{ ok: true; sessionNumber: number } | { ok: false; reason: 'not-found' }> {
	const entry = await findEntry(db, input.entryId);
	if (!entry || entry.userId !== input.userId || entry.cohortId !== input.cohortId) {
		return { ok: false, reason: 'not-found' };
	}
	await deleteEntry(db, entry.id);
	return { ok: true, sessionNumber: entry.sessionNumber };
}
