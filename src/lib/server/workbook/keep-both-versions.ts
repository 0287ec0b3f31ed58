import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { addEntry, type AddEntryResult } from './add-entry.ts';
import { findEntry } from './workbook.queries.ts';

/**
 * After a refused stale save, the owner keeps their text as a new entry of the same kind and
 * session beside the one that moved on. Only the owner, and only under the entry's own cohort:
 * anything else is 'not-found' and nothing is stored.
 */
export async function keepBothVersions(
	db: Db,
	input: { entryId: string; cohortId: string; userId: string; fields: Record<string, unknown> }
): Promise<AddEntryResult> {
	const entry = await findEntry(db, input.entryId);
	if (!entry || entry.userId !== input.userId || entry.cohortId !== input.cohortId) {
		return { ok: false, reason: 'not-found' };
	}
	return addEntry(db, {
		id: randomUUID(),
		cohortId: entry.cohortId,
		userId: input.userId,
		sessionNumber: entry.sessionNumber,
		kind: entry.kind,
		fields: input.fields
	});
}
