import type { Db } from '../db/client.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { findRetentionSettings, upsertRetentionSettings } from './retention-settings.queries.ts';
import {
	isValidPeriod,
	RETENTION_KINDS,
	type RetentionKind,
	type RetentionPeriods
} from './retention-periods.ts';

/**
 * An admin changes how long each kind of data is kept. Every period is a whole number of
 * months within its limits (retention-periods.ts); one out of range refuses the whole change
 * and nothing is saved. A change that alters something is recorded in the audit log
 * (`change-retention`, the new periods as `kind=months`), in the same transaction. After a
 * change the plan holds every deletion for the notice period (planRetention), so nothing goes
 * before admins could read the new plan.
 */
export async function setRetentionSettings(
	db: Db,
	input: { organisationId: string; by: string; periods: RetentionPeriods; now?: Date }
): Promise<{ ok: true; changed: boolean } | { ok: false; invalid: RetentionKind[] }> {
	const invalid = RETENTION_KINDS.filter((k) => !isValidPeriod(k, input.periods[k]));
	if (invalid.length) return { ok: false, invalid };
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const before = await findRetentionSettings(tx, input.organisationId);
		const changed = RETENTION_KINDS.some((k) => before[k] !== input.periods[k]);
		if (!changed) return { ok: true as const, changed: false };
		await upsertRetentionSettings(tx, input.organisationId, input.periods, {
			userId: input.by,
			at: now
		});
		await recordAuditEvents(
			tx,
			[
				{
					actorId: input.by,
					actorRole: 'admin',
					subjectId: null,
					action: 'change-retention',
					target: RETENTION_KINDS.map((k) => `${k}=${input.periods[k]}`).join(',')
				}
			],
			now
		);
		return { ok: true as const, changed: true };
	});
}
