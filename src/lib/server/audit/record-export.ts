import type { DbOrTx } from '../db/client.ts';
import { recordAuditEvents } from './record-audit-events.ts';

/**
 * Records that a file with people's data left the app: a roster, an attendance sheet, a
 * report. One row per person and cohort in it, so that each of them sees the export in
 * their own access log. `target` names the file, never its contents.
 */
export async function recordExport(
	q: DbOrTx,
	e: {
		actor: { id: string; facilitator: boolean };
		action: 'export-roster' | 'export-attendance' | 'export-report';
		target: string;
		subjects: { userId: string; cohortId: string | null }[];
	},
	now = new Date()
) {
	const actorRole: 'facilitator' | 'admin' = e.actor.facilitator ? 'facilitator' : 'admin';
	const seen = new Set<string>();
	const events = e.subjects
		.filter((s) => {
			const key = `${s.userId}|${s.cohortId}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.map((s) => ({
			actorId: e.actor.id,
			actorRole,
			subjectId: s.userId,
			action: e.action,
			cohortId: s.cohortId,
			target: e.target
		}));
	await recordAuditEvents(q, events, now);
}
