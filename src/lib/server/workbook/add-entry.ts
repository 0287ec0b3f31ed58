import type { Db } from '../db/client.ts';
import { SESSION_KINDS, type WorkbookKind } from '#lib/workbook/kinds.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { parseEntryFields } from './entry-fields.ts';
import { findEntry, insertEntry, type WorkbookEntry } from './workbook.queries.ts';

export type AddEntryResult =
	| { ok: true; entry: WorkbookEntry }
	| { ok: false; reason: 'not-found' }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> };

/**
 * A new, private entry in a participant's own workbook. Only someone with a place in the
 * cohort (enrolled, waiting or requesting) has a workbook; a kind that the session does not
 * offer is refused like an unknown session. `id` comes from the form, so a resent form stores
 * the entry once; an id already used by someone else is refused as not found.
 */
export async function addEntry(
	db: Db,
	input: {
		id: string;
		cohortId: string;
		userId: string;
		sessionNumber: number;
		kind: string;
		fields: Record<string, unknown>;
	}
): Promise<AddEntryResult> {
	const kinds = SESSION_KINDS[input.sessionNumber];
	if (!kinds || !kinds.includes(input.kind as WorkbookKind)) {
		return { ok: false, reason: 'not-found' };
	}
	const place = await findEnrolment(db, input.cohortId, input.userId);
	if (!place || !['enrolled', 'waitlisted', 'pending'].includes(place.status)) {
		return { ok: false, reason: 'not-found' };
	}
	const kind = input.kind as WorkbookKind;
	const parsed = parseEntryFields(kind, input.fields);
	if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
	const row = await insertEntry(db, {
		id: input.id,
		cohortId: input.cohortId,
		userId: input.userId,
		sessionNumber: input.sessionNumber,
		kind,
		fields: parsed.fields
	});
	if (row) return { ok: true, entry: row };
	const existing = await findEntry(db, input.id);
	if (existing && existing.userId === input.userId && existing.cohortId === input.cohortId) {
		return { ok: true, entry: existing };
	}
	return { ok: false, reason: 'not-found' };
}
