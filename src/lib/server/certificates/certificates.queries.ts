import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	attendance,
	certificates,
	credentialKeys,
	enrolments,
	users,
	type CertificateFacts
} from '../db/schema/index.ts';

export type Certificate = typeof certificates.$inferSelect;

export async function findCertificateByCode(q: DbOrTx, code: string) {
	const [row] = await q.select().from(certificates).where(eq(certificates.code, code));
	return row;
}

/** The enrolment's certificate that is not revoked, or, failing that, its latest revoked one. */
export async function findCertificateOfEnrolment(q: DbOrTx, enrolmentId: string) {
	const [row] = await q
		.select()
		.from(certificates)
		.where(eq(certificates.enrolmentId, enrolmentId))
		.orderBy(sql`${certificates.revokedAt} is null desc`, sql`${certificates.issuedAt} desc`)
		.limit(1);
	return row;
}

export async function hasAnyCertificate(q: DbOrTx, enrolmentId: string) {
	const [row] = await q
		.select({ id: certificates.id })
		.from(certificates)
		.where(eq(certificates.enrolmentId, enrolmentId))
		.limit(1);
	return !!row;
}

export function listCertificatesOfCohort(q: DbOrTx, cohortId: string) {
	return q
		.select()
		.from(certificates)
		.where(eq(certificates.cohortId, cohortId))
		.orderBy(asc(certificates.issuedAt));
}

/** Inserts unless the enrolment already holds a valid one (the partial unique index decides). */
export async function insertCertificate(
	q: DbOrTx,
	c: {
		organisationId: string;
		cohortId: string;
		enrolmentId: string;
		code: string;
		nameOnCertificate: string;
		facts: CertificateFacts;
		issuedAt: Date;
		issuedBy: string | null;
		issueReason: string | null;
	}
) {
	const rows = await q
		.insert(certificates)
		.values(c)
		.onConflictDoNothing({
			target: certificates.enrolmentId,
			where: sql`revoked_at is null`
		})
		.returning();
	return rows[0];
}

export async function markCertificateRevoked(
	q: DbOrTx,
	id: string,
	r: { at: Date; by: string; reason: string }
) {
	const rows = await q
		.update(certificates)
		.set({ revokedAt: r.at, revokedBy: r.by, revokeReason: r.reason })
		.where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
		.returning({ id: certificates.id });
	return rows.length > 0;
}

export async function setCertificateName(q: DbOrTx, id: string, name: string) {
	await q
		.update(certificates)
		.set({ nameOnCertificate: name })
		.where(and(eq(certificates.id, id), isNull(certificates.revokedAt)));
}

/** The status-list bits that are set: every revoked certificate of the organisation. */
export async function listRevokedIndexes(q: DbOrTx, organisationId: string) {
	const rows = await q
		.select({ i: certificates.statusIndex })
		.from(certificates)
		.where(and(eq(certificates.organisationId, organisationId), isNotNull(certificates.revokedAt)));
	return rows.map((r) => r.i);
}

export async function findCredentialKey(q: DbOrTx, organisationId: string) {
	const [row] = await q
		.select()
		.from(credentialKeys)
		.where(eq(credentialKeys.organisationId, organisationId));
	return row;
}

/** First writer wins; a second process that made a key at the same time reads the winner's. */
export async function insertCredentialKey(q: DbOrTx, k: typeof credentialKeys.$inferInsert) {
	await q.insert(credentialKeys).values(k).onConflictDoNothing();
}

/** One enrolment's attendance with its sessions: what the completion rule and hours read. */
export function listEnrolmentAttendance(q: DbOrTx, enrolmentId: string) {
	return q
		.select({
			cohortSessionId: attendance.cohortSessionId,
			status: attendance.status
		})
		.from(attendance)
		.where(eq(attendance.enrolmentId, enrolmentId));
}

/** The enrolment with its person's name and language, or undefined. */
export async function findEnrolmentPerson(q: DbOrTx, enrolmentId: string) {
	const [row] = await q
		.select({
			id: enrolments.id,
			cohortId: enrolments.cohortId,
			userId: enrolments.userId,
			status: enrolments.status,
			displayName: enrolments.displayName,
			name: users.name,
			locale: users.locale
		})
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(eq(enrolments.id, enrolmentId));
	return row;
}
