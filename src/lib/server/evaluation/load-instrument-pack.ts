import type { Db } from '../db/client.ts';
import { parseInstrumentPack } from './instrument-pack.schema.ts';
import { upsertInstrumentPack } from './instrument-packs.queries.ts';

/**
 * An admin loads a published instrument (YAML). It is stored disabled: no questionnaire shows
 * its items until an admin confirms in the app that the organisation holds permission to use
 * it (setInstrumentPermission). Loading it again replaces it and withdraws that confirmation.
 */
export async function loadInstrumentPack(
	db: Db,
	input: { organisationId: string; source: string; by: string }
): Promise<{ ok: true; slug: string } | { ok: false; problems: string[] }> {
	const r = parseInstrumentPack(input.source);
	if (!r.ok) return r;
	await upsertInstrumentPack(db, {
		organisationId: input.organisationId,
		slug: r.pack.slug,
		pack: r.pack,
		loadedBy: input.by
	});
	return { ok: true, slug: r.pack.slug };
}
