import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	accounts,
	attendance,
	calendarFeeds,
	certificates,
	cohortSessions,
	cohorts,
	emailOutbox,
	enrolments,
	evaluationRespondents,
	evaluationResponses,
	liveAnswers,
	liveVotes,
	memberships,
	momentSignals,
	organisations,
	pulseRespondents,
	sessions,
	users,
	workbookPreferences
} from '../db/schema/index.ts';

/*
 * The reads behind a person's own data export (issue #16). Every query is keyed by the
 * person's own id, email or enrolments, never by a cohort alone, so nothing here can return
 * another person's rows. Ids of other people (who corrected an attendance, who issued a
 * certificate) are left out: they are not the person's data.
 */

export async function findExportAccount(q: DbOrTx, userId: string) {
	const [u] = await q
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			emailVerified: users.emailVerified,
			locale: users.locale,
			timeZone: users.timeZone,
			pronouns: users.pronouns,
			country: users.country,
			createdAt: users.createdAt,
			updatedAt: users.updatedAt
		})
		.from(users)
		.where(eq(users.id, userId));
	return u;
}

/** Sign-in methods without their secrets (the password hash and tokens stay out). */
export function listExportSignInMethods(q: DbOrTx, userId: string) {
	return q
		.select({ providerId: accounts.providerId, createdAt: accounts.createdAt })
		.from(accounts)
		.where(eq(accounts.userId, userId))
		.orderBy(asc(accounts.createdAt));
}

/** Sign-in sessions without their tokens. */
export function listExportSessions(q: DbOrTx, userId: string) {
	return q
		.select({
			createdAt: sessions.createdAt,
			expiresAt: sessions.expiresAt,
			ipAddress: sessions.ipAddress,
			userAgent: sessions.userAgent
		})
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(asc(sessions.createdAt));
}

/** Calendar feeds: when made and revoked, never the token (only its hash is kept anyway). */
export function listExportCalendarFeeds(q: DbOrTx, userId: string) {
	return q
		.select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
		.from(calendarFeeds)
		.where(eq(calendarFeeds.userId, userId))
		.orderBy(asc(calendarFeeds.createdAt));
}

export function listExportMemberships(q: DbOrTx, userId: string) {
	return q
		.select({
			organisation: organisations.name,
			role: memberships.role,
			peerTrainer: memberships.peerTrainer,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(memberships.createdAt));
}

/** The person's places in cohorts, with the cohort profile they wrote for each. */
export function listExportEnrolments(q: DbOrTx, userId: string) {
	return q
		.select({
			id: enrolments.id,
			cohortId: enrolments.cohortId,
			cohortName: cohorts.name,
			courseVersionId: cohorts.courseVersionId,
			status: enrolments.status,
			displayName: enrolments.displayName,
			pronouns: enrolments.pronouns,
			background: enrolments.background,
			backgroundVisibility: enrolments.backgroundVisibility,
			accessNeeds: enrolments.accessNeeds,
			specialCategoryConsentAt: enrolments.specialCategoryConsentAt,
			createdAt: enrolments.createdAt,
			statusAt: enrolments.statusAt
		})
		.from(enrolments)
		.innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
		.where(eq(enrolments.userId, userId))
		.orderBy(asc(enrolments.createdAt));
}

export function listExportAttendance(q: DbOrTx, enrolmentIds: string[]) {
	if (enrolmentIds.length === 0) return Promise.resolve([]);
	return q
		.select({
			cohortId: cohortSessions.cohortId,
			sessionNumber: cohortSessions.number,
			startsAt: cohortSessions.startsAt,
			status: attendance.status,
			source: attendance.source,
			firstJoinedAt: attendance.firstJoinedAt,
			updatedAt: attendance.updatedAt
		})
		.from(attendance)
		.innerJoin(cohortSessions, eq(cohortSessions.id, attendance.cohortSessionId))
		.where(inArray(attendance.enrolmentId, enrolmentIds))
		.orderBy(asc(cohortSessions.startsAt));
}

export function listExportCertificates(q: DbOrTx, enrolmentIds: string[]) {
	if (enrolmentIds.length === 0) return Promise.resolve([]);
	return q
		.select({
			cohortId: certificates.cohortId,
			code: certificates.code,
			nameOnCertificate: certificates.nameOnCertificate,
			facts: certificates.facts,
			issuedAt: certificates.issuedAt,
			issueReason: certificates.issueReason,
			revokedAt: certificates.revokedAt,
			revokeReason: certificates.revokeReason
		})
		.from(certificates)
		.where(inArray(certificates.enrolmentId, enrolmentIds))
		.orderBy(asc(certificates.issuedAt));
}

/**
 * The person's own live answers. An anonymous answer keeps no enrolment id, so it cannot be
 * found here (nor by anybody): that is the promise made when it was given.
 */
export function listExportLiveAnswers(q: DbOrTx, enrolmentIds: string[]) {
	if (enrolmentIds.length === 0) return Promise.resolve([]);
	return q
		.select({
			cohortId: cohortSessions.cohortId,
			sessionNumber: cohortSessions.number,
			blockId: liveAnswers.blockId,
			passed: liveAnswers.passed,
			shared: liveAnswers.shared,
			hidden: sql<boolean>`${liveAnswers.hiddenBy} is not null`,
			payload: liveAnswers.payload,
			createdAt: liveAnswers.createdAt
		})
		.from(liveAnswers)
		.innerJoin(cohortSessions, eq(cohortSessions.id, liveAnswers.cohortSessionId))
		.where(inArray(liveAnswers.enrolmentId, enrolmentIds))
		.orderBy(asc(liveAnswers.createdAt), asc(liveAnswers.id));
}

/** Which questions the person upvoted (the question itself is someone else's words). */
export function listExportVotes(q: DbOrTx, enrolmentIds: string[]) {
	if (enrolmentIds.length === 0) return Promise.resolve([]);
	return q
		.select({
			cohortId: cohortSessions.cohortId,
			sessionNumber: cohortSessions.number,
			createdAt: liveVotes.createdAt
		})
		.from(liveVotes)
		.innerJoin(liveAnswers, eq(liveAnswers.id, liveVotes.answerId))
		.innerJoin(cohortSessions, eq(cohortSessions.id, liveAnswers.cohortSessionId))
		.where(inArray(liveVotes.enrolmentId, enrolmentIds))
		.orderBy(asc(liveVotes.createdAt));
}

/** "I need a moment" signals the person sent. */
export function listExportMomentSignals(q: DbOrTx, enrolmentIds: string[]) {
	if (enrolmentIds.length === 0) return Promise.resolve([]);
	return q
		.select({
			cohortId: cohortSessions.cohortId,
			sessionNumber: cohortSessions.number,
			createdAt: momentSignals.createdAt,
			acknowledgedAt: momentSignals.acknowledgedAt
		})
		.from(momentSignals)
		.innerJoin(cohortSessions, eq(cohortSessions.id, momentSignals.cohortSessionId))
		.where(inArray(momentSignals.enrolmentId, enrolmentIds))
		.orderBy(asc(momentSignals.createdAt));
}

export function listExportWorkbookPreferences(q: DbOrTx, userId: string) {
	return q
		.select({
			cohortId: workbookPreferences.cohortId,
			remindBeforeSession: workbookPreferences.remindBeforeSession,
			mapSubject: workbookPreferences.mapSubject
		})
		.from(workbookPreferences)
		.where(eq(workbookPreferences.userId, userId));
}

/** Which questionnaires the person answered (this table holds no answers). */
export function listExportEvaluationRespondents(q: DbOrTx, userId: string) {
	return q
		.select({ cohortId: evaluationRespondents.cohortId, phase: evaluationRespondents.phase })
		.from(evaluationRespondents)
		.where(eq(evaluationRespondents.userId, userId));
}

/** The responses stored under the given pseudonyms of one cohort each. */
export function listExportEvaluationResponses(
	q: DbOrTx,
	keys: { cohortId: string; pseudonym: string }[]
) {
	if (keys.length === 0) return Promise.resolve([]);
	return q
		.select({
			cohortId: evaluationResponses.cohortId,
			phase: evaluationResponses.phase,
			questionnaire: evaluationResponses.questionnaire,
			pseudonym: evaluationResponses.pseudonym,
			answers: evaluationResponses.answers
		})
		.from(evaluationResponses)
		.where(
			and(
				inArray(
					evaluationResponses.cohortId,
					keys.map((k) => k.cohortId)
				),
				inArray(
					evaluationResponses.pseudonym,
					keys.map((k) => k.pseudonym)
				)
			)
		);
}

/** Which sessions' feedback pulse the person answered (the answers have no link back). */
export function listExportPulseRespondents(q: DbOrTx, userId: string) {
	return q
		.select({ cohortId: cohortSessions.cohortId, sessionNumber: cohortSessions.number })
		.from(pulseRespondents)
		.innerJoin(cohortSessions, eq(cohortSessions.id, pulseRespondents.cohortSessionId))
		.where(eq(pulseRespondents.userId, userId));
}

/** Emails written to the person's address, oldest first; the secret link column stays out. */
export function listExportEmails(q: DbOrTx, address: string) {
	return q
		.select({
			createdAt: emailOutbox.createdAt,
			sentAt: emailOutbox.sentAt,
			status: emailOutbox.status,
			kind: emailOutbox.kind,
			subject: emailOutbox.subject,
			textBody: emailOutbox.textBody,
			attachments: sql<
				string[]
			>`coalesce((select array_agg(a->>'filename') from jsonb_array_elements(${emailOutbox.attachments}) a), '{}')`
		})
		.from(emailOutbox)
		.where(sql`lower(${emailOutbox.toAddress}) = lower(${address})`)
		.orderBy(asc(emailOutbox.createdAt));
}
