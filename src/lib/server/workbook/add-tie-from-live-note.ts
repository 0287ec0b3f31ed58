import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { SPHERES } from '#lib/workbook/kinds.ts';
import { findEnrolmentById, insertEntry } from './workbook.queries.ts';

/**
 * A note a participant put on the live community-map board becomes a tie on their own
 * workbook map, private like every entry (sharing the note with the group in the room does
 * not share the workbook entry). The tie starts with neutral values the person can change:
 * a resource, in between, supportive, both ways. Stored once per note, however often the note
 * is resent.
 */
export async function addTieFromLiveNote(
	db: Db,
	input: {
		answerId: string;
		enrolmentId: string;
		sessionNumber: number;
		column: string;
		text: string;
	}
): Promise<{ ok: true } | { ok: false; reason: 'not-found' }> {
	const place = await findEnrolmentById(db, input.enrolmentId);
	if (!place) return { ok: false, reason: 'not-found' };
	const sphere = (SPHERES as readonly string[]).includes(input.column) ? input.column : 'being';
	const name = input.text.length > 80 ? `${input.text.slice(0, 79)}…` : input.text;
	await insertEntry(db, {
		id: randomUUID(),
		cohortId: place.cohortId,
		userId: place.userId,
		sessionNumber: input.sessionNumber,
		kind: 'map-tie',
		fields: {
			name,
			type: 'resource',
			sphere,
			closeness: '2',
			quality: 'supportive',
			direction: 'both',
			note: input.text.length > 80 ? input.text : ''
		},
		sourceAnswerId: input.answerId
	});
	return { ok: true };
}
