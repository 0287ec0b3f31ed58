import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { passkeys, twoFactors } from '../db/schema/index.ts';

export async function findTwoFactor(db: Db, userId: string) {
	const [row] = await db
		.select({ secret: twoFactors.secret, verified: twoFactors.verified })
		.from(twoFactors)
		.where(eq(twoFactors.userId, userId))
		.limit(1);
	return row;
}

export async function listPasskeys(db: Db, userId: string) {
	return db
		.select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt })
		.from(passkeys)
		.where(eq(passkeys.userId, userId))
		.orderBy(asc(passkeys.createdAt));
}

export async function deletePasskeyOfUser(db: Db, userId: string, id: string) {
	const rows = await db
		.delete(passkeys)
		.where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
		.returning({ id: passkeys.id });
	return rows.length;
}

export async function countPasskeys(db: Db, userId: string) {
	const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
	return row?.n ?? 0;
}
