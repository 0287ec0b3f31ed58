import type { Db } from '../db/client.ts';
import { audiencesOf } from './workbook-audience.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import {
	findEntry,
	findEntryOwnerName,
	listEntryViews,
	upsertEntryView,
	type WorkbookEntry
} from './workbook.queries.ts';

export type OpenedEntry =
	| {
			ok: true;
			entry: WorkbookEntry;
			own: true;
			views: { name: string; firstOpenedAt: Date; lastOpenedAt: Date }[];
	  }
	| { ok: true; entry: WorkbookEntry; own: false; ownerName: string }
	| { ok: false; reason: 'not-found' };

/**
 * One entry, for its owner (with who has opened it) or for someone in the audience it is
 * shared with right now; that opening is recorded for the owner to see. Everyone else, and
 * everyone once the entry is withdrawn, gets 'not-found': a private entry is read by its owner
 * only, whatever the viewer's role. The opening is also in the owner's access log (the entry's
 * id, not its words).
 */
export async function openEntry(
	db: Db,
	input: { entryId: string; cohortId: string; viewerId: string; now?: Date }
): Promise<OpenedEntry> {
	const entry = await findEntry(db, input.entryId);
	if (!entry || entry.cohortId !== input.cohortId) return { ok: false, reason: 'not-found' };
	if (entry.userId === input.viewerId) {
		const views = await listEntryViews(db, [entry.id]);
		return { ok: true, entry, own: true, views };
	}
	if (entry.sharing === 'private') return { ok: false, reason: 'not-found' };
	const audiences = await audiencesOf(db, entry.cohortId, input.viewerId);
	if (!audiences.includes(entry.sharing)) return { ok: false, reason: 'not-found' };
	const now = input.now ?? new Date();
	await upsertEntryView(db, entry.id, input.viewerId, now);
	await recordAuditEvents(
		db,
		[
			{
				actorId: input.viewerId,
				actorRole: audiences.includes('facilitators') ? 'facilitator' : 'participant',
				subjectId: entry.userId,
				action: 'open-shared-entry',
				cohortId: entry.cohortId,
				target: `workbook-entry:${entry.id}`
			}
		],
		now
	);
	return { ok: true, entry, own: false, ownerName: await findEntryOwnerName(db, entry.id) };
}
