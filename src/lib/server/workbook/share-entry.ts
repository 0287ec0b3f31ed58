import type { Db } from '../db/client.ts';
import type { Sharing } from '#lib/workbook/kinds.ts';
import { widestSharing } from './workbook-audience.ts';
import { findEntry, setEntrySharing, type WorkbookEntry } from './workbook.queries.ts';

const ORDER: Sharing[] = ['private', 'facilitators', 'cohort'];

/**
 * The owner shares an entry with the cohort's facilitators or the whole cohort, changes that,
 * or withdraws it ('private'). It takes effect at once: every reader asks the entry's sharing
 * when they read. A difficult experience may go to facilitators at most ('too-wide').
 * Anyone but the owner, or the entry under another cohort's address: 'not-found'.
 */
export async function shareEntry(
	db: Db,
	input: { entryId: string; cohortId: string; userId: string; sharing: Sharing; now?: Date }
): Promise<{ ok: true; entry: WorkbookEntry } | { ok: false; reason: 'not-found' | 'too-wide' }> {
	const entry = await findEntry(db, input.entryId);
	if (!entry || entry.userId !== input.userId || entry.cohortId !== input.cohortId) {
		return { ok: false, reason: 'not-found' };
	}
	if (ORDER.indexOf(input.sharing) > ORDER.indexOf(widestSharing(entry))) {
		return { ok: false, reason: 'too-wide' };
	}
	const row = await setEntrySharing(db, entry.id, input.sharing, input.now ?? new Date());
	return { ok: true, entry: row };
}
