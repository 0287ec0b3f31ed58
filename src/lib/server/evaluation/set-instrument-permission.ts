import type { Db } from '../db/client.ts';
import { markPackPermission } from './instrument-packs.queries.ts';

/**
 * Enables a loaded pack once an admin confirms the organisation's permission (who and when are
 * kept), or disables it again. Refused without the confirmation.
 */
export async function setInstrumentPermission(
	db: Db,
	input: { organisationId: string; packId: string; by: string; enable: boolean; confirmed: boolean }
): Promise<{ ok: true } | { ok: false; reason: 'not-confirmed' | 'not-found' }> {
	if (input.enable && !input.confirmed) return { ok: false, reason: 'not-confirmed' };
	const done = await markPackPermission(db, input.organisationId, input.packId, {
		enable: input.enable,
		by: input.by
	});
	return done ? { ok: true } : { ok: false, reason: 'not-found' };
}
