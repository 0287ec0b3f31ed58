import type { Db } from '../db/client.ts';
import { parseEntryFields, type EntryFields } from './entry-fields.ts';
import { widestSharing } from './workbook-audience.ts';
import { findEntry, updateEntryFields, type WorkbookEntry } from './workbook.queries.ts';

export type SaveEntryResult =
	| { ok: true; entry: WorkbookEntry }
	| { ok: false; reason: 'not-found' }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| {
			ok: false;
			reason: 'stale';
			mine: EntryFields;
			theirs: { fields: EntryFields; version: number; updatedAt: Date };
	  };

/**
 * Saves new text into the owner's entry. The save names the version it was based on; if the
 * entry has moved on (edited on another device), nothing is written and both versions come
 * back so the person chooses. Anyone but the owner, and the owner addressing the entry under
 * another cohort, gets 'not-found', never a hint that the entry exists.
 */
export async function saveEntry(
	db: Db,
	input: {
		entryId: string;
		cohortId: string;
		userId: string;
		baseVersion: number;
		fields: Record<string, unknown>;
		now?: Date;
	}
): Promise<SaveEntryResult> {
	const entry = await findEntry(db, input.entryId);
	if (!entry || entry.userId !== input.userId || entry.cohortId !== input.cohortId) {
		return { ok: false, reason: 'not-found' };
	}
	const parsed = parseEntryFields(entry.kind, input.fields);
	if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
	const stale = () => ({
		ok: false as const,
		reason: 'stale' as const,
		mine: parsed.fields,
		theirs: { fields: current!.fields, version: current!.version, updatedAt: current!.updatedAt }
	});
	let current: WorkbookEntry | undefined = entry;
	if (entry.version !== input.baseVersion) return stale();
	// An experience marked difficult while shared with the group goes back to facilitators.
	const capped =
		entry.sharing === 'cohort' &&
		widestSharing({ kind: entry.kind, fields: parsed.fields }) !== 'cohort';
	const row = await updateEntryFields(
		db,
		entry.id,
		input.baseVersion,
		parsed.fields,
		input.now ?? new Date(),
		capped ? 'facilitators' : undefined
	);
	if (row) return { ok: true, entry: row };
	current = await findEntry(db, input.entryId);
	if (!current) return { ok: false, reason: 'not-found' };
	return stale();
}
