import type { Db } from '../db/client.ts';
import { audiencesOf } from './workbook-audience.ts';
import { listSharedEntries } from './workbook.queries.ts';

/**
 * What others in a cohort shared with the viewer right now, each marked by who shared it:
 * facilitators of the cohort see entries shared with facilitators and with the cohort,
 * participants with a place see entries shared with the cohort, anyone else nothing (an
 * admin who does not facilitate the cohort included). Withdrawn entries are gone at once.
 */
export async function listSharedWithMe(db: Db, input: { cohortId: string; viewerId: string }) {
	const audiences = await audiencesOf(db, input.cohortId, input.viewerId);
	if (!audiences.length) return { audiences, entries: [] };
	const rows = await listSharedEntries(db, input.cohortId, audiences, input.viewerId);
	return {
		audiences,
		entries: rows.map((r) => ({ ...r.entry, ownerName: r.ownerName }))
	};
}
