import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations } from '../db/schema/index.ts';

export async function findFirstOrganisation(db: Db) {
	const [row] = await db
		.select()
		.from(organisations)
		.orderBy(asc(organisations.createdAt))
		.limit(1);
	return row;
}

export async function insertOrganisation(
	db: Db,
	o: { slug: string; name: string; country?: string | null }
) {
	const [row] = await db.insert(organisations).values(o).returning();
	return row;
}

/** Serialises first-start seeding across instances, until the transaction ends. */
export async function lockBootstrap(tx: Db) {
	await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
}

/* Read fresh each time: currentOrganisation() caches per process, and an admin may change it. */
export async function findOrganisationCountry(db: Db, id: string) {
	const [row] = await db
		.select({ country: organisations.country })
		.from(organisations)
		.where(eq(organisations.id, id));
	return row?.country ?? null;
}

export async function updateOrganisationCountry(db: Db, id: string, country: string | null) {
	await db.update(organisations).set({ country }).where(eq(organisations.id, id));
}

/* Null: the deployment's default applies (staff-second-factor.ts). */
export async function findStaffSecondFactorSetting(db: Db, id: string) {
	const [row] = await db
		.select({ required: organisations.staffSecondFactorRequired })
		.from(organisations)
		.where(eq(organisations.id, id));
	return row?.required ?? null;
}

export async function updateStaffSecondFactorSetting(db: Db, id: string, required: boolean) {
	await db
		.update(organisations)
		.set({ staffSecondFactorRequired: required })
		.where(eq(organisations.id, id));
}
