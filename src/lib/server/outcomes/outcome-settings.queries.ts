import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { outcomeSettings } from '../db/schema/index.ts';

export const DEFAULT_SETTINGS = { minGroup: 5, postDays: 14 };

/** The organisation's outcome settings, or the defaults (never a group below 5). */
export async function findOutcomeSettings(q: DbOrTx, organisationId: string) {
	const [row] = await q
		.select({ minGroup: outcomeSettings.minGroup, postDays: outcomeSettings.postDays })
		.from(outcomeSettings)
		.where(eq(outcomeSettings.organisationId, organisationId));
	return { ...DEFAULT_SETTINGS, ...row, minGroup: Math.max(5, row?.minGroup ?? 5) };
}

export async function upsertOutcomeSettings(
	q: DbOrTx,
	organisationId: string,
	s: { minGroup: number; postDays: number }
) {
	await q
		.insert(outcomeSettings)
		.values({ organisationId, ...s })
		.onConflictDoUpdate({ target: outcomeSettings.organisationId, set: s });
}
