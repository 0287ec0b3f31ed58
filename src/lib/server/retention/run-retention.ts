import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { deleteAuditEventsBefore } from '../audit/audit-events.queries.ts';
import { deleteCohortData, deleteOutboxBefore } from './retention.queries.ts';
import { planRetention } from './plan-retention.ts';
import { sendRetentionNotices } from './send-retention-notices.ts';
import { addMonths, type RetentionKind } from './retention-periods.ts';

export type RetentionDeletion = { kind: RetentionKind; cohortId: string | null; count: number };

/**
 * The daily run (jobs/background-jobs.ts): computes the plan admins read (planRetention) as of
 * `now`, sends the workbook notices that are due, then deletes exactly the plan's items whose
 * date has come. Each deletion is one transaction with its audit event (`retention-delete`,
 * actor the system, no subject, the cohort, target `<kind>:<rows>`); the content is never
 * recorded. Running twice deletes nothing more: what was deleted is no longer counted.
 */
export async function runRetention(
	db: Db,
	cfg: Config,
	input: { organisationId: string; now: Date }
): Promise<{ notices: number; deleted: RetentionDeletion[] }> {
	const { now } = input;
	const plan = await planRetention(db, input);
	const notices = await sendRetentionNotices(db, cfg, { plan, now });
	const keep = plan.running.map((c) => c.id);
	const deleted: RetentionDeletion[] = [];
	for (const item of plan.items.filter((i) => i.deleteOn <= now)) {
		const count = await db.transaction(async (tx) => {
			let n: number;
			if (item.kind === 'outbox') {
				n = await deleteOutboxBefore(tx, addMonths(now, -plan.settings.outbox), keep);
			} else if (item.kind === 'audit') {
				n = await deleteAuditEventsBefore(tx, addMonths(now, -plan.settings.audit));
			} else {
				n = await deleteCohortData(tx, item.kind, item.cohortId!);
			}
			if (n) {
				await recordAuditEvents(
					tx,
					[
						{
							actorId: null,
							actorRole: 'system',
							subjectId: null,
							action: 'retention-delete',
							cohortId: item.cohortId,
							target: `${item.kind}:${n}`
						}
					],
					now
				);
			}
			return n;
		});
		if (count) deleted.push({ kind: item.kind, cohortId: item.cohortId, count });
	}
	return { notices, deleted };
}
