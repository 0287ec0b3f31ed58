import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { crisisProcedures } from '../db/schema/index.ts';

export type CrisisProcedure = typeof crisisProcedures.$inferSelect;

export async function findCrisisProcedure(q: DbOrTx, organisationId: string) {
	const [row] = await q
		.select()
		.from(crisisProcedures)
		.where(eq(crisisProcedures.organisationId, organisationId));
	return row;
}

export async function upsertCrisisProcedure(
	q: DbOrTx,
	row: Omit<typeof crisisProcedures.$inferInsert, 'updatedAt'> & { updatedAt: Date }
) {
	const { whoToCall, whatToDo, afterwards, updatedBy, updatedAt } = row;
	await q.insert(crisisProcedures).values(row).onConflictDoUpdate({
		target: crisisProcedures.organisationId,
		set: { whoToCall, whatToDo, afterwards, updatedBy, updatedAt }
	});
}
