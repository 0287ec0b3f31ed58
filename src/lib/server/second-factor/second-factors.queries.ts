import { and, asc, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { memberships, passkeys, twoFactors, users } from '../db/schema/index.ts';

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

/** A member of the organisation with what their second factors are; undefined for anyone else. */
export async function findMemberSecondFactors(q: DbOrTx, organisationId: string, userId: string) {
	const [row] = await q
		.selectDistinct({
			id: users.id,
			name: users.name,
			email: users.email,
			locale: users.locale,
			twoFactorEnabled: users.twoFactorEnabled,
			app: twoFactors.id
		})
		.from(users)
		.innerJoin(memberships, eq(memberships.userId, users.id))
		.leftJoin(twoFactors, eq(twoFactors.userId, users.id))
		.where(and(eq(memberships.organisationId, organisationId), eq(users.id, userId)))
		.limit(1);
	if (!row) return undefined;
	const [p] = await q.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		locale: row.locale,
		hasApp: !!row.twoFactorEnabled || row.app !== null,
		passkeys: p?.n ?? 0
	};
}

/* The authenticator app's key, its recovery codes and its lockout state go with the row. */
export async function deleteTwoFactorsOfUser(q: DbOrTx, userId: string) {
	await q.delete(twoFactors).where(eq(twoFactors.userId, userId));
	await q.update(users).set({ twoFactorEnabled: false }).where(eq(users.id, userId));
}

export async function deletePasskeysOfUser(q: DbOrTx, userId: string) {
	const rows = await q
		.delete(passkeys)
		.where(eq(passkeys.userId, userId))
		.returning({ id: passkeys.id });
	return rows.length;
}
