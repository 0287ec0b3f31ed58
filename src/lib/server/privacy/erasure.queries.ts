import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	accounts,
	certificates,
	cohortSessions,
	emailOutbox,
	enrolments,
	evaluationRespondents,
	evaluationResponses,
	invitations,
	liveAnswers,
	liveEvents,
	liveState,
	memberships,
	momentSignals,
	rateLimits,
	users,
	verifications,
	type LiveBreakout
} from '../db/schema/index.ts';

/** The person to erase, locked so two erasures (or an erasure and an edit) do not interleave. */
export async function lockPersonForErasure(q: DbOrTx, personId: string) {
	const [row] = await q
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.id, personId))
		.for('update');
	return row;
}

export async function findPasswordHash(q: DbOrTx, userId: string) {
	const [row] = await q
		.select({ hash: accounts.password })
		.from(accounts)
		.where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
	return row?.hash ?? null;
}

export async function listRolesOfPerson(q: DbOrTx, userId: string) {
	return q
		.select({ organisationId: memberships.organisationId, role: memberships.role })
		.from(memberships)
		.where(eq(memberships.userId, userId));
}

export async function countAdmins(q: DbOrTx, organisationId: string) {
	const [row] = await q
		.select({ n: sql<number>`count(*)::int` })
		.from(memberships)
		.where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
	return row.n;
}

export function listEnrolmentsOfPerson(q: DbOrTx, userId: string) {
	return q
		.select({ id: enrolments.id, cohortId: enrolments.cohortId })
		.from(enrolments)
		.where(eq(enrolments.userId, userId));
}

export async function listEvaluationCohortsOfPerson(q: DbOrTx, userId: string) {
	const rows = await q
		.selectDistinct({ cohortId: evaluationRespondents.cohortId })
		.from(evaluationRespondents)
		.where(eq(evaluationRespondents.userId, userId));
	return rows.map((r) => r.cohortId);
}

/** Certificates of these enrolments, valid and revoked. */
export function listCertificatesOfEnrolments(q: DbOrTx, enrolmentIds: string[]) {
	if (!enrolmentIds.length) return Promise.resolve([]);
	return q
		.select({
			id: certificates.id,
			cohortId: certificates.cohortId,
			revokedAt: certificates.revokedAt
		})
		.from(certificates)
		.where(inArray(certificates.enrolmentId, enrolmentIds));
}

/** Revokes the valid ones among `ids`; returns the ids it revoked. */
export async function revokeCertificatesForErasure(
	q: DbOrTx,
	ids: string[],
	r: { at: Date; by: string | null; reason: string }
) {
	if (!ids.length) return [];
	const rows = await q
		.update(certificates)
		.set({ revokedAt: r.at, revokedBy: r.by, revokeReason: r.reason })
		.where(and(inArray(certificates.id, ids), isNull(certificates.revokedAt)))
		.returning({ id: certificates.id });
	return rows.map((x) => x.id);
}

/** Blanks the printed name and unlinks the certificate from the enrolment about to go. */
export async function updateCertificatesUnlinked(q: DbOrTx, ids: string[], blankName: boolean) {
	if (!ids.length) return;
	await q
		.update(certificates)
		.set(blankName ? { enrolmentId: null, nameOnCertificate: '' } : { enrolmentId: null })
		.where(inArray(certificates.id, ids));
}

/** The person's live answers, with what erasure needs to decide per answer. */
export function listLiveAnswersOfEnrolments(q: DbOrTx, enrolmentIds: string[]) {
	if (!enrolmentIds.length) return Promise.resolve([]);
	return q
		.select({
			id: liveAnswers.id,
			sessionId: liveAnswers.cohortSessionId,
			passed: liveAnswers.passed,
			shared: liveAnswers.shared,
			payload: liveAnswers.payload
		})
		.from(liveAnswers)
		.where(inArray(liveAnswers.enrolmentId, enrolmentIds));
}

export async function deleteLiveAnswers(q: DbOrTx, ids: string[]) {
	if (!ids.length) return;
	await q.delete(liveAnswers).where(inArray(liveAnswers.id, ids));
}

/** Unlinks answers from the person; `blank` also replaces the words with an erased marker. */
export async function updateLiveAnswersUnlinked(q: DbOrTx, ids: string[], blank: boolean) {
	if (!ids.length) return;
	await q
		.update(liveAnswers)
		.set(blank ? { enrolmentId: null, payload: { erased: true } } : { enrolmentId: null })
		.where(inArray(liveAnswers.id, ids));
}

export async function listMomentIdsOfEnrolments(q: DbOrTx, enrolmentIds: string[]) {
	if (!enrolmentIds.length) return [];
	const rows = await q
		.select({ id: momentSignals.id })
		.from(momentSignals)
		.where(inArray(momentSignals.enrolmentId, enrolmentIds));
	return rows.map((r) => r.id);
}

export async function listSessionIdsOfCohorts(q: DbOrTx, cohortIds: string[]) {
	if (!cohortIds.length) return [];
	const rows = await q
		.select({ id: cohortSessions.id })
		.from(cohortSessions)
		.where(inArray(cohortSessions.cohortId, cohortIds));
	return rows.map((r) => r.id);
}

/** The events of these sessions that can carry a person's words or name. */
export function listLiveEventsCarryingPeople(q: DbOrTx, sessionIds: string[]) {
	if (!sessionIds.length) return Promise.resolve([]);
	return q
		.select({ id: liveEvents.id, kind: liveEvents.kind, payload: liveEvents.payload })
		.from(liveEvents)
		.where(
			and(
				inArray(liveEvents.cohortSessionId, sessionIds),
				inArray(liveEvents.kind, ['results', 'moment'])
			)
		);
}

export async function updateLiveEventPayload(q: DbOrTx, id: number, payload: unknown) {
	await q
		.update(liveEvents)
		.set({ payload: payload as typeof liveEvents.$inferInsert.payload })
		.where(eq(liveEvents.id, id));
}

export async function deleteLiveEvents(q: DbOrTx, ids: number[]) {
	if (!ids.length) return;
	await q.delete(liveEvents).where(inArray(liveEvents.id, ids));
}

export function listBreakoutsOfSessions(q: DbOrTx, sessionIds: string[]) {
	if (!sessionIds.length) return Promise.resolve([]);
	return q
		.select({ sessionId: liveState.cohortSessionId, breakout: liveState.breakout })
		.from(liveState)
		.where(
			and(inArray(liveState.cohortSessionId, sessionIds), sql`${liveState.breakout} is not null`)
		);
}

export async function setBreakout(q: DbOrTx, sessionId: string, breakout: LiveBreakout | null) {
	await q.update(liveState).set({ breakout }).where(eq(liveState.cohortSessionId, sessionId));
}

/** Gives one cohort's pre and post answers under `from` a new pseudonym; returns how many. */
export async function updateEvaluationPseudonym(
	q: DbOrTx,
	cohortId: string,
	from: string,
	to: string
) {
	const rows = await q
		.update(evaluationResponses)
		.set({ pseudonym: to })
		.where(and(eq(evaluationResponses.cohortId, cohortId), eq(evaluationResponses.pseudonym, from)))
		.returning({ id: evaluationResponses.id });
	return rows.length;
}

/** Rows that name the person by address rather than by id: invitations, emails, sign-in links. */
export async function deleteRowsNamingAddress(q: DbOrTx, email: string, userId: string) {
	const address = email.toLowerCase();
	await q.delete(invitations).where(sql`lower(${invitations.email}) = ${address}`);
	await q.delete(emailOutbox).where(sql`lower(${emailOutbox.toAddress}) = ${address}`);
	await q
		.update(emailOutbox)
		.set({ secretViewer: null })
		.where(eq(emailOutbox.secretViewer, userId));
	await q
		.delete(verifications)
		.where(
			or(
				sql`lower(${verifications.identifier}) = ${address}`,
				eq(verifications.value, userId),
				sql`strpos(lower(${verifications.value}), ${address}) > 0`,
				sql`strpos(${verifications.value}, ${userId}) > 0`
			)
		);
	await q
		.delete(rateLimits)
		.where(
			or(
				sql`lower(${rateLimits.key}) like ${'%:' + likeEscape(address)}`,
				sql`${rateLimits.key} like ${'%:' + likeEscape(userId)}`
			)
		);
}

function likeEscape(s: string) {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Deletes the account; the database cascades to everything that hangs on it (ADR 026). */
export async function deleteUser(q: DbOrTx, userId: string) {
	await q.delete(users).where(eq(users.id, userId));
}

/** How many certificates of the person still verify as valid (the erasure page asks about them). */
export async function countValidCertificatesOfPerson(q: DbOrTx, userId: string) {
	const [row] = await q
		.select({ n: sql<number>`count(*)::int` })
		.from(certificates)
		.innerJoin(enrolments, eq(enrolments.id, certificates.enrolmentId))
		.where(and(eq(enrolments.userId, userId), isNull(certificates.revokedAt)));
	return row.n;
}

/** A member of the organisation, by id (the admin's erasure page). */
export async function findMemberOfOrganisation(q: DbOrTx, organisationId: string, userId: string) {
	const [row] = await q
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.innerJoin(memberships, eq(memberships.userId, users.id))
		.where(and(eq(memberships.organisationId, organisationId), eq(users.id, userId)))
		.limit(1);
	return row;
}
