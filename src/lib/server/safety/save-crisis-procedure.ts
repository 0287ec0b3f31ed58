import type { Db } from '../db/client.ts';
import { crisisProcedureInput } from './crisis-procedure-input.ts';
import { upsertCrisisProcedure } from './crisis-procedures.queries.ts';

/**
 * Saves the organisation's crisis procedure (one per organisation; saving again replaces it).
 * Only admins call it (the route checks). Input that does not pass the form's rules is
 * refused whole, so a half-filled procedure is never shown to facilitators.
 */
export async function saveCrisisProcedure(
	db: Db,
	input: { organisationId: string; userId: string; fields: unknown; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: 'invalid' }> {
	const parsed = crisisProcedureInput.safeParse(input.fields);
	if (!parsed.success) return { ok: false, reason: 'invalid' };
	await upsertCrisisProcedure(db, {
		organisationId: input.organisationId,
		...parsed.data,
		updatedBy: input.userId,
		updatedAt: input.now ?? new Date()
	});
	return { ok: true };
}
