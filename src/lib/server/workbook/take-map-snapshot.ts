import type { Db } from '../db/client.ts';
import { requiredText } from '#lib/forms/fields.ts';
import { findWorkbookPreferences, insertMapSnapshot, listOwnEntries } from './workbook.queries.ts';

/**
 * Keeps a copy of the person's community map as it is now, under a label of their choice
 * ("before the course"), so they can compare it later. Only their own ties are copied, with
 * whom the map is about at that moment (the person or a fictional one).
 */
export async function takeMapSnapshot(
	db: Db,
	input: { cohortId: string; userId: string; label: string }
): Promise<{ ok: true } | { ok: false; reason: 'invalid'; errors: Record<string, string> }> {
	const label = requiredText(80).safeParse(input.label);
	if (!label.success) {
		return { ok: false, reason: 'invalid', errors: { label: label.error.issues[0].message } };
	}
	const ties = (await listOwnEntries(db, input.cohortId, input.userId))
		.filter((e) => e.kind === 'map-tie')
		.map((e) => e.fields);
	await insertMapSnapshot(db, {
		cohortId: input.cohortId,
		userId: input.userId,
		label: label.data,
		ties,
		subject: (await findWorkbookPreferences(db, input.cohortId, input.userId))?.mapSubject ?? 'self'
	});
	return { ok: true };
}
