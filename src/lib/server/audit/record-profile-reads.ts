import type { DbOrTx } from '../db/client.ts';
import { recordAuditEvents, type AuditEvent } from './record-audit-events.ts';

/**
 * Records that a cohort's facilitator or an admin was shown participants' special-category
 * fields: their access needs, and their background where the person let facilitators see
 * it. Called by every page or file that shows them to staff (the manage page, the roster
 * CSV). Only people who actually filled the field are recorded: there was nothing to see
 * for the others. Repeated views the same day count once (see `recordAuditEvents`).
 */
export async function recordProfileReads(
	q: DbOrTx,
	viewer: { id: string; facilitator: boolean },
	cohortId: string,
	people: { userId: string; accessNeeds: string | null; backgroundShown: boolean }[],
	now = new Date()
) {
	const actorRole = viewer.facilitator ? 'facilitator' : 'admin';
	const events: AuditEvent[] = [];
	for (const p of people) {
		const base = { actorId: viewer.id, actorRole, subjectId: p.userId, cohortId } as const;
		if (p.accessNeeds?.trim()) {
			events.push({ ...base, action: 'read-access-needs', target: 'access-needs' });
		}
		if (p.backgroundShown) {
			events.push({ ...base, action: 'read-background', target: 'background' });
		}
	}
	await recordAuditEvents(q, events, now);
}
