import { asc, sql } from 'drizzle-orm';
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

export async function insertOrganisation(db: Db, o: { slug: string; name: string }) {
	const [row] = await db.insert(organisations).values(o).returning();
	return row;
}

/** Serialises first-start seeding across instances, until the transaction ends. */
export async function lockBootstrap(tx: Db) {
	await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
}
