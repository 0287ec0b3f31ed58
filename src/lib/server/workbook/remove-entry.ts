import type { Db } from '../db/client.ts';
import { deleteEntry, findEntry } from './workbook.queries.ts';

/** The owner deletes an entry for good (with the record of who opened it). Others: 'not-found'. */
export async function removeEntry(
	db: Db,
	input: { entryId: string; userId: string }
): Promise<{ ok: true } | { ok: false; reason: 'not-found' }> {
	const entry = await findEntry(db, input.entryId);
	if (!entry || entry.userId !== input.userId) return { ok: false, reason: 'not-found' };
	await deleteEntry(db, entry.id);
	return { ok: true };
}
