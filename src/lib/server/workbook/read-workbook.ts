import type { Db } from '../db/client.ts';
import {
	findWorkbookPreferences,
	listEntryViews,
	listMapSnapshots,
	listOwnEntries
} from './workbook.queries.ts';

/**
 * A person's whole workbook in one cohort: their entries (each with who opened it while it was
 * shared), their map snapshots and whom
 * their map is about. It reads only the asking person's own rows, so it cannot
 * show anyone else's entries; the route has already checked the person's place.
 */
export async function readWorkbook(
	db: Db,
	input: { cohortId: string; userId: string; sessionNumber?: number }
) {
	const entries = await listOwnEntries(db, input.cohortId, input.userId, input.sessionNumber);
	const views = await listEntryViews(
		db,
		entries.map((e) => e.id)
	);
	const snapshots = await listMapSnapshots(db, input.cohortId, input.userId);
	return {
		entries: entries.map((e) => ({ ...e, views: views.filter((v) => v.entryId === e.id) })),
		snapshots,
		mapSubject:
			(await findWorkbookPreferences(db, input.cohortId, input.userId))?.mapSubject ?? 'self'
	};
}
