import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { retentionSettings } from '../db/schema/index.ts';
import { DEFAULT_PERIODS, type RetentionPeriods } from './retention-periods.ts';

export type RetentionSettings = RetentionPeriods & {
	/** When an admin last changed them; null while the defaults apply. */
	updatedAt: Date | null;
};

/** The organisation's periods, or the defaults when no admin has set them. */
export async function findRetentionSettings(
	q: DbOrTx,
	organisationId: string
): Promise<RetentionSettings> {
	const [row] = await q
		.select()
		.from(retentionSettings)
		.where(eq(retentionSettings.organisationId, organisationId));
	if (!row) return { ...DEFAULT_PERIODS, updatedAt: null };
	return {
		live: row.liveMonths,
		workbook: row.workbookMonths,
		evaluation: row.evaluationMonths,
		outbox: row.outboxMonths,
		audit: row.auditMonths,
		updatedAt: row.updatedAt
	};
}

export async function upsertRetentionSettings(
	q: DbOrTx,
	organisationId: string,
	p: RetentionPeriods,
	by: { userId: string; at: Date }
) {
	const values = {
		liveMonths: p.live,
		workbookMonths: p.workbook,
		evaluationMonths: p.evaluation,
		outboxMonths: p.outbox,
		auditMonths: p.audit,
		updatedAt: by.at,
		updatedBy: by.userId
	};
	await q
		.insert(retentionSettings)
		.values({ organisationId, ...values })
		.onConflictDoUpdate({ target: retentionSettings.organisationId, set: values });
}
