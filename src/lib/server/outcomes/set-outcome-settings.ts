import type { Db } from '../db/client.ts';
import { upsertOutcomeSettings } from './outcome-settings.queries.ts';
import { FLOOR } from './small-numbers.ts';

/** The admin's outcome settings: the smallest group shown (never below 5) and the post window. */
export async function setOutcomeSettings(
	db: Db,
	input: { organisationId: string; minGroup: number; postDays: number }
): Promise<{ ok: true } | { ok: false; reason: 'min-group' | 'post-days' }> {
	if (!Number.isInteger(input.minGroup) || input.minGroup < FLOOR || input.minGroup > 100) {
		return { ok: false, reason: 'min-group' };
	}
	if (!Number.isInteger(input.postDays) || input.postDays < 1 || input.postDays > 90) {
		return { ok: false, reason: 'post-days' };
	}
	await upsertOutcomeSettings(db, input.organisationId, input);
	return { ok: true };
}
