import type { DbOrTx } from '../db/client.ts';
import { insertAuditEvents } from './audit-events.queries.ts';
import { READ_ACTIONS, type AuditAction } from './audit-actions.ts';

export type AuditEvent = {
	/** Who acted; null for the system (the retention job). */
	actorId: string | null;
	actorRole: 'admin' | 'facilitator' | 'participant' | 'system';
	/** Whose data it was; null when it is about no one person (a change of retention). */
	subjectId: string | null;
	action: AuditAction;
	cohortId?: string | null;
	/** The kind of data or the item, never its content: `access-needs`, `workbook-entry:<id>`. */
	target?: string | null;
	/** Only the reason an admin gave (erasure on request, revocation). */
	reason?: string | null;
};

/**
 * Records sensitive access. Call it inside the transaction of a change (so the change and its
 * record stand or fall together) or right after a read. A person reading their own data is
 * not recorded. A read is recorded once per actor, subject, target and UTC day.
 */
export async function recordAuditEvents(q: DbOrTx, events: AuditEvent[], now = new Date()) {
	const day = now.toISOString().slice(0, 10);
	const rows = events
		.filter((e) => !(READ_ACTIONS.has(e.action) && e.actorId !== null && e.actorId === e.subjectId))
		.map((e) => ({
			at: now,
			actorId: e.actorId,
			actorRole: e.actorRole,
			subjectId: e.subjectId,
			action: e.action,
			cohortId: e.cohortId ?? null,
			target: e.target ?? null,
			reason: e.reason ?? null,
			dedupeKey: READ_ACTIONS.has(e.action)
				? [e.actorId, e.subjectId, e.action, e.target ?? '', e.cohortId ?? '', day].join('|')
				: null
		}));
	await insertAuditEvents(q, rows);
}
