import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { preparedPer } from '../db/prepared.ts';
import { accounts, memberships, users, type OrgRole } from '../db/schema/index.ts';

export async function findUserByEmail(db: Db, email: string) {
	const [row] = await db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
		.limit(1);
	return row;
}

export async function findUserById(db: Db, id: string) {
	const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
	return row;
}

export async function updateUserProfile(
	db: Db,
	id: string,
	p: {
		name: string;
		locale: string;
		timeZone: string;
		pronouns: string | null;
		country: string | null;
	}
) {
	await db
		.update(users)
		.set({ ...p, updatedAt: new Date() })
		.where(eq(users.id, id));
}

export async function setUserLocale(db: Db, id: string, locale: string) {
	await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, id));
}

export async function listRoles(db: Db, organisationId: string, userId: string) {
	return roles(db).execute({ organisationId, userId });
}

// Asked on every request (hooks.server.ts): built once.
const roles = preparedPer((db: Db) =>
	db
		.select({ role: memberships.role, peerTrainer: memberships.peerTrainer })
		.from(memberships)
		.where(
			and(
				eq(memberships.organisationId, sql.placeholder('organisationId')),
				eq(memberships.userId, sql.placeholder('userId'))
			)
		)
		.prepare('list_roles')
);

export async function listMembers(db: Db, organisationId: string) {
	return db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			role: memberships.role,
			peerTrainer: memberships.peerTrainer
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.organisationId, organisationId))
		.orderBy(asc(users.name), asc(memberships.role));
}

export async function addMembership(
	db: Db,
	m: { organisationId: string; userId: string; role: OrgRole; peerTrainer?: boolean }
) {
	await db.insert(memberships).values(m).onConflictDoNothing();
}

export async function removeMembership(
	db: Db,
	m: { organisationId: string; userId: string; role: OrgRole }
) {
	await db
		.delete(memberships)
		.where(
			and(
				eq(memberships.organisationId, m.organisationId),
				eq(memberships.userId, m.userId),
				eq(memberships.role, m.role)
			)
		);
	// A removed role ends the access it gave, open live streams included.
	await notifyAccessChanged(db, m.userId);
}

export async function countAdmins(db: Db, organisationId: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
	return row?.n ?? 0;
}

/**
 * A person's account with a password, written as better-auth writes it (a user row and a
 * "credential" account whose id is the user's), so that its sign-in accepts it. Used where the
 * account must be created inside a transaction with other changes (accepting an invitation).
 */
export async function insertPasswordAccount(
	q: DbOrTx,
	p: {
		email: string;
		name: string;
		passwordHash: string;
		locale: string;
		timeZone: string;
		pronouns: string | null;
		at: Date;
	}
) {
	const id = randomUUID();
	await q.insert(users).values({
		id,
		email: p.email.trim().toLowerCase(),
		name: p.name,
		emailVerified: true,
		locale: p.locale,
		timeZone: p.timeZone,
		pronouns: p.pronouns,
		createdAt: p.at,
		updatedAt: p.at
	});
	await q.insert(accounts).values({
		id: randomUUID(),
		accountId: id,
		providerId: 'credential',
		userId: id,
		password: p.passwordHash,
		createdAt: p.at,
		updatedAt: p.at
	});
	return id;
}

/** The stored hash of a person's password (their 'credential' account), if they have one. */
export async function findPasswordHash(db: Db, userId: string) {
	const [row] = await db
		.select({ id: accounts.id, password: accounts.password })
		.from(accounts)
		.where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
		.limit(1);
	return row?.password ? { accountId: row.id, hash: row.password } : undefined;
}

/* Replaces the hash only if it is still `previous`, so a password changed meanwhile stays. */
export async function updatePasswordHash(
	db: Db,
	accountId: string,
	previous: string,
	hash: string
) {
	await db
		.update(accounts)
		.set({ password: hash, updatedAt: new Date() })
		.where(and(eq(accounts.id, accountId), eq(accounts.password, previous)));
}

export async function isTwoFactorEnabled(db: Db, userId: string) {
	const [row] = await db
		.select({ on: users.twoFactorEnabled })
		.from(users)
		.where(eq(users.id, userId));
	return row?.on ?? false;
}
