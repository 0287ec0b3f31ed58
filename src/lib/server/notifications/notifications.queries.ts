import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';

/**
 * Claims a notification by its key; returns its id, or undefined when someone (another
 * instance, an earlier try) claimed it first. The unique key lets exactly one claimer win.
 */
export async function insertNotificationClaim(
	q: DbOrTx,
	n: { key: string; userId: string; cohortId: string; createdAt?: Date }
) {
	const [row] = await q
		.insert(notifications)
		.values(n)
		.onConflictDoNothing()
		.returning({ id: notifications.id });
	return row?.id;
}

export async function setNotificationEmail(q: DbOrTx, id: string, emailId: string) {
	await q.update(notifications).set({ emailId }).where(eq(notifications.id, id));
}
