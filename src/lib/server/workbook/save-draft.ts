import type { Db } from '../db/client.ts';
import { addEntry } from './add-entry.ts';
import { saveEntry, type SaveEntryResult } from './save-entry.ts';

/**
 * A draft sent by the workbook page's script while the person types, or later from the
 * browser's outbox. Without `base` it is a new entry under the id the page made (resent:
 * stored once; if the first send arrived but its answer was lost, the entry is still at
 * version 1 and takes the newer text). With `base` it is a save of the owner's entry, refused
 * as 'stale' with both versions when the entry moved on meanwhile.
 */
export async function saveDraft(
	db: Db,
	input: {
		id: string;
		cohortId: string;
		userId: string;
		sessionNumber: number;
		kind: string;
		base: number | null;
		fields: Record<string, unknown>;
	}
): Promise<SaveEntryResult> {
	if (input.base === null) {
		const r = await addEntry(db, input);
		if (!r.ok) return r;
		const same = Object.entries(r.entry.fields).every(([k, v]) => (input.fields[k] ?? '') === v);
		if (same) return { ok: true, entry: r.entry };
		// Already moved on from version 1 elsewhere: the save is refused with both versions.
		return saveEntry(db, {
			entryId: r.entry.id,
			cohortId: input.cohortId,
			userId: input.userId,
			baseVersion: 1,
			fields: input.fields
		});
	}
	return saveEntry(db, {
		entryId: input.id,
		cohortId: input.cohortId,
		userId: input.userId,
		baseVersion: input.base,
		fields: input.fields
	});
}
