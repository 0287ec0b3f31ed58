import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cohorts, invitations, organisations, users, type OrgRole } from '../db/schema/index.ts';

export async function insertInvitation(
	db: Db,
	i: {
		organisationId: string;
		email: string;
		role: OrgRole;
		tokenHash: string;
		invitedBy: string | null;
		locale: string;
		expiresAt: Date;
		cohortId?: string | null;
	}
) {
	const [row] = await db.insert(invitations).values(i).returning({ id: invitations.id });
	return row.id;
}

/**
 * An invitation that can still be accepted, with its organisation's name, its cohort's name
 * and zone, and the zone of the person who sent it.
 */
export async function findOpenInvitationByHash(db: Db, tokenHash: string, now: Date) {
	const [row] = await db
		.select({
			id: invitations.id,
			organisationId: invitations.organisationId,
			organisationName: organisations.name,
			email: invitations.email,
			role: invitations.role,
			locale: invitations.locale,
			cohortId: invitations.cohortId,
			invitedBy: invitations.invitedBy,
			cohortName: cohorts.name,
			cohortTimeZone: cohorts.timeZone,
			cohortCancelledAt: cohorts.cancelledAt,
			inviterTimeZone: users.timeZone
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.leftJoin(cohorts, eq(cohorts.id, invitations.cohortId))
		.leftJoin(users, eq(users.id, invitations.invitedBy))
		.where(
			and(
				eq(invitations.tokenHash, tokenHash),
				isNull(invitations.acceptedAt),
				isNull(invitations.cancelledAt),
				gt(invitations.expiresAt, now)
			)
		)
		.limit(1);
	return row;
}

/** Marks accepted only if still open, so two clicks cannot both accept. */
export async function markInvitationAccepted(db: Db, id: string, now: Date) {
	const rows = await db
		.update(invitations)
		.set({ acceptedAt: now })
		.where(
			and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt))
		)
		.returning({ id: invitations.id });
	return rows.length === 1;
}

export async function listOpenInvitations(db: Db, organisationId: string, now: Date) {
	return db
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.where(
			and(
				eq(invitations.organisationId, organisationId),
				isNull(invitations.acceptedAt),
				isNull(invitations.cancelledAt),
				gt(invitations.expiresAt, now)
			)
		)
		.orderBy(asc(invitations.createdAt));
}

export async function markInvitationCancelled(
	db: Db,
	organisationId: string,
	id: string,
	now: Date,
	cohortId?: string
) {
	const rows = await db
		.update(invitations)
		.set({ cancelledAt: now })
		.where(
			and(
				eq(invitations.id, id),
				eq(invitations.organisationId, organisationId),
				cohortId ? eq(invitations.cohortId, cohortId) : undefined,
				isNull(invitations.acceptedAt),
				isNull(invitations.cancelledAt)
			)
		)
		.returning({ email: invitations.email });
	return rows[0];
}

export async function countOpenInvitationsFor(
	db: Db,
	organisationId: string,
	email: string,
	role: OrgRole,
	now: Date
) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(invitations)
		.where(
			and(
				eq(invitations.organisationId, organisationId),
				eq(sql`lower(${invitations.email})`, email.toLowerCase()),
				eq(invitations.role, role),
				isNull(invitations.acceptedAt),
				isNull(invitations.cancelledAt),
				gt(invitations.expiresAt, now)
			)
		);
	return row?.n ?? 0;
}

/** Open invitations to one cohort, for its facilitators' page. */
export async function listCohortInvitations(db: Db, cohortId: string, now: Date) {
	return db
		.select({ id: invitations.id, email: invitations.email, createdAt: invitations.createdAt })
		.from(invitations)
		.where(
			and(
				eq(invitations.cohortId, cohortId),
				isNull(invitations.acceptedAt),
				isNull(invitations.cancelledAt),
				gt(invitations.expiresAt, now)
			)
		)
		.orderBy(asc(invitations.createdAt));
}
