import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { crisisResources } from '../db/schema/index.ts';

export type CrisisResource = typeof crisisResources.$inferSelect;
export type CrisisResourceFields = Omit<
	typeof crisisResources.$inferInsert,
	'id' | 'organisationId' | 'updatedAt'
>;

export function listCrisisResources(db: Db, organisationId: string) {
	return db
		.select()
		.from(crisisResources)
		.where(eq(crisisResources.organisationId, organisationId))
		.orderBy(
			asc(crisisResources.country),
			asc(crisisResources.position),
			asc(crisisResources.name)
		);
}

export async function findCrisisResource(db: Db, organisationId: string, id: string) {
	const [row] = await db
		.select()
		.from(crisisResources)
		.where(and(eq(crisisResources.organisationId, organisationId), eq(crisisResources.id, id)));
	return row;
}

export async function insertCrisisResource(
	db: Db,
	organisationId: string,
	fields: CrisisResourceFields
) {
	const [row] = await db
		.insert(crisisResources)
		.values({ ...fields, organisationId })
		.returning();
	return row;
}

export async function updateCrisisResource(
	db: Db,
	organisationId: string,
	id: string,
	fields: Partial<CrisisResourceFields>
) {
	const [row] = await db
		.update(crisisResources)
		.set({ ...fields, updatedAt: sql`now()` })
		.where(and(eq(crisisResources.organisationId, organisationId), eq(crisisResources.id, id)))
		.returning();
	return row;
}

export async function deleteCrisisResource(db: Db, organisationId: string, id: string) {
	const [row] = await db
		.delete(crisisResources)
		.where(and(eq(crisisResources.organisationId, organisationId), eq(crisisResources.id, id)))
		.returning({ id: crisisResources.id });
	return row;
}

export async function countCrisisResources(db: Db, organisationId: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(crisisResources)
		.where(eq(crisisResources.organisationId, organisationId));
	return row.n;
}
