import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { instrumentPacks } from '../db/schema/index.ts';
import type { InstrumentPack } from './instrument-pack.schema.ts';

export function listInstrumentPacks(q: DbOrTx, organisationId: string) {
	return q
		.select()
		.from(instrumentPacks)
		.where(eq(instrumentPacks.organisationId, organisationId))
		.orderBy(asc(instrumentPacks.slug));
}

/** Packs whose permission an admin confirmed: the only ones a questionnaire may include. */
export async function listEnabledPacks(q: DbOrTx, organisationId: string) {
	const rows = await q
		.select({ pack: instrumentPacks.pack })
		.from(instrumentPacks)
		.where(
			and(
				eq(instrumentPacks.organisationId, organisationId),
				isNotNull(instrumentPacks.permissionConfirmedAt)
			)
		)
		.orderBy(asc(instrumentPacks.slug));
	return rows.map((r) => r.pack as InstrumentPack);
}

/** Loading a pack again replaces it and withdraws the confirmation: it must be given anew. */
export async function upsertInstrumentPack(
	q: DbOrTx,
	p: { organisationId: string; slug: string; pack: InstrumentPack; loadedBy: string }
) {
	await q
		.insert(instrumentPacks)
		.values({ ...p, permissionConfirmedAt: null, permissionConfirmedBy: null })
		.onConflictDoUpdate({
			target: [instrumentPacks.organisationId, instrumentPacks.slug],
			set: {
				pack: p.pack,
				loadedBy: p.loadedBy,
				loadedAt: new Date(),
				permissionConfirmedAt: null,
				permissionConfirmedBy: null
			}
		});
}

export async function markPackPermission(
	q: DbOrTx,
	organisationId: string,
	id: string,
	p: { enable: boolean; by: string | null }
) {
	const rows = await q
		.update(instrumentPacks)
		.set(
			p.enable
				? { permissionConfirmedAt: new Date(), permissionConfirmedBy: p.by }
				: { permissionConfirmedAt: null, permissionConfirmedBy: null }
		)
		.where(and(eq(instrumentPacks.id, id), eq(instrumentPacks.organisationId, organisationId)))
		.returning({ id: instrumentPacks.id });
	return rows.length > 0;
}
