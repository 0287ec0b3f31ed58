import { randomBytes } from 'node:crypto';
import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { LiveResults } from '#lib/live/live-events.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { pseudonymOf } from '../evaluation/pseudonym.ts';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import {
	countAdmins,
	deleteLiveAnswers,
	deleteLiveEvents,
	deleteRowsNamingAddress,
	deleteUser,
	findPasswordHash,
	listBreakoutsOfSessions,
	listCertificatesOfEnrolments,
	listEnrolmentsOfPerson,
	listEvaluationCohortsOfPerson,
	listLiveAnswersOfEnrolments,
	listLiveEventsCarryingPeople,
	listMomentIdsOfEnrolments,
	listRolesOfPerson,
	listSessionIdsOfCohorts,
	lockPersonForErasure,
	revokeCertificatesForErasure,
	setBreakout,
	updateCertificatesUnlinked,
	updateEvaluationPseudonym,
	updateLiveAnswersUnlinked,
	updateLiveEventPayload
} from './erasure.queries.ts';

export type EraseAccountInput = {
	/** Whose account goes. */
	personId: string;
	/** Who asks: the person themself, or an admin of their organisation. */
	actorId: string;
	/** The actor's own password, entered again just now. */
	password: string;
	/** Required when an admin erases someone else's account (recorded in the audit log). */
	reason?: string | null;
	/**
	 * Keep the person's valid certificates verifiable (with the printed name) instead of
	 * revoking them. Must be given when they hold a valid certificate.
	 */
	keepCertificates?: boolean;
	now?: Date;
};

export type EraseAccountResult =
	| {
			ok: true;
			summary: {
				enrolments: number;
				liveAnswersDeleted: number;
				liveAnswersBlanked: number;
				liveAnswersUnlinked: number;
				certificatesRevoked: number;
				certificatesKept: number;
				evaluationResponsesRepseudonymised: number;
			};
	  }
	| {
			ok: false;
			reason:
				| 'wrong-password'
				| 'not-found'
				| 'not-allowed'
				| 'reason-required'
				| 'last-admin'
				| 'certificate-choice';
	  };

/** The reason written on certificates revoked by an erasure (not the admin's reason). */
export const ERASURE_REVOKE_REASON = 'account erased';

/**
 * Erases a person's account (issue #16, ADR 026), following each entry of the personal data
 * inventory: private data is deleted; words shared with a group are blanked and their rows kept
 * unlinked (so the count of answers stays); choices that form a group's counts stay unlinked;
 * the evaluation's pseudonym is replaced by a random one; certificates are revoked with the name
 * blanked, unless `keepCertificates`; the account row goes last and the database cascades.
 *
 * Rules:
 * - The actor re-authenticates with their own password; a wrong one changes nothing.
 * - A person may erase only their own account; an admin may erase a member of an organisation
 *   they administer, with a reason. Anyone else is `not-allowed` and nothing changes.
 * - The last admin of an organisation cannot be erased (the organisation would have nobody to
 *   run it); another admin must be named first.
 * - Everything happens in one transaction with its `erase-account` (and `revoke-certificate`)
 *   audit rows, which stay with the person replaced by null. The person's sessions are deleted
 *   (signed out everywhere) and every instance closes their live streams once it commits.
 */
export async function eraseAccount(
	db: Db,
	cfg: Pick<Config, 'secret'>,
	auth: Auth,
	input: EraseAccountInput
): Promise<EraseAccountResult> {
	const now = input.now ?? new Date();
	const self = input.actorId === input.personId;
	const actorRoles = await listRolesOfPerson(db, input.actorId);
	const personRoles = await listRolesOfPerson(db, input.personId);
	if (!personRoles.length && !self) return { ok: false, reason: 'not-found' };
	if (!self) {
		const adminOf = new Set(
			actorRoles.filter((r) => r.role === 'admin').map((r) => r.organisationId)
		);
		if (!personRoles.some((r) => adminOf.has(r.organisationId))) {
			return { ok: false, reason: 'not-allowed' };
		}
		if (!input.reason?.trim()) return { ok: false, reason: 'reason-required' };
	}

	const hash = await findPasswordHash(db, input.actorId);
	const ctx = await auth.$context;
	if (!hash || !(await ctx.password.verify({ hash, password: input.password }))) {
		return { ok: false, reason: 'wrong-password' };
	}

	return db.transaction(async (tx) => {
		const person = await lockPersonForErasure(tx, input.personId);
		if (!person) return { ok: false, reason: 'not-found' } as const;
		for (const r of personRoles.filter((x) => x.role === 'admin')) {
			if ((await countAdmins(tx, r.organisationId)) <= 1) {
				return { ok: false, reason: 'last-admin' } as const;
			}
		}
		const actorRole = self
			? ((['admin', 'facilitator', 'participant'] as const).find((role) =>
					personRoles.some((r) => r.role === role)
				) ?? 'participant')
			: 'admin';
		const actorId = self ? null : input.actorId;

		const enrolled = await listEnrolmentsOfPerson(tx, person.id);
		const enrolmentIds = enrolled.map((e) => e.id);
		const cohortIds = [...new Set(enrolled.map((e) => e.cohortId))];

		// Certificates first: they must outlive the enrolment (migration 0018 unlinks them).
		const certs = await listCertificatesOfEnrolments(tx, enrolmentIds);
		const valid = certs.filter((c) => !c.revokedAt).map((c) => c.id);
		// Nothing is written yet: asking first is part of "a clear summary" of what stays.
		if (valid.length && input.keepCertificates === undefined) {
			return { ok: false, reason: 'certificate-choice' } as const;
		}
		let revoked: string[] = [];
		if (input.keepCertificates) {
			await updateCertificatesUnlinked(tx, valid, false);
			await updateCertificatesUnlinked(
				tx,
				certs.filter((c) => c.revokedAt).map((c) => c.id),
				true
			);
		} else {
			revoked = await revokeCertificatesForErasure(tx, valid, {
				at: now,
				by: actorId,
				reason: ERASURE_REVOKE_REASON
			});
			await updateCertificatesUnlinked(
				tx,
				certs.map((c) => c.id),
				true
			);
		}

		// Live answers: private ones go, shared words are blanked, choices stay as counts.
		const answers = await listLiveAnswersOfEnrolments(tx, enrolmentIds);
		const remove: string[] = [];
		const blank: string[] = [];
		const unlink: string[] = [];
		for (const a of answers) {
			if (!a.shared && !a.passed) remove.push(a.id);
			else if (!a.passed && 'text' in (a.payload as object)) blank.push(a.id);
			else unlink.push(a.id);
		}
		await deleteLiveAnswers(tx, remove);
		await updateLiveAnswersUnlinked(tx, blank, true);
		await updateLiveAnswersUnlinked(tx, unlink, false);

		// The room's log is replayed to reconnecting clients: it must not keep them either.
		const sessionIds = await listSessionIdsOfCohorts(tx, cohortIds);
		const gone = new Set([...remove, ...blank]);
		const moments = new Set(await listMomentIdsOfEnrolments(tx, enrolmentIds));
		const dropEvents: number[] = [];
		for (const ev of await listLiveEventsCarryingPeople(tx, sessionIds)) {
			if (ev.kind === 'moment') {
				if (moments.has((ev.payload as { id: string }).id)) dropEvents.push(ev.id);
				continue;
			}
			const p = ev.payload as { blockId: string; results: LiveResults };
			if (!p.results.texts.some((t) => gone.has(t.id))) continue;
			await updateLiveEventPayload(tx, ev.id, {
				...p,
				results: { ...p.results, texts: p.results.texts.filter((t) => !gone.has(t.id)) }
			});
		}
		await deleteLiveEvents(tx, dropEvents);
		const mine = new Set(enrolmentIds);
		for (const b of await listBreakoutsOfSessions(tx, sessionIds)) {
			if (!b.breakout?.groups.some((g) => g.members.some((m) => mine.has(m)))) continue;
			await setBreakout(tx, b.sessionId, {
				...b.breakout,
				groups: b.breakout.groups.map((g) => ({
					...g,
					members: g.members.filter((m) => !mine.has(m))
				}))
			});
		}

		// The evaluation stays in the aggregate, paired, but nothing computes its way back.
		let repseudonymised = 0;
		const evalCohorts = new Set([
			...cohortIds,
			...(await listEvaluationCohortsOfPerson(tx, person.id))
		]);
		for (const cohortId of evalCohorts) {
			repseudonymised += await updateEvaluationPseudonym(
				tx,
				cohortId,
				pseudonymOf(cfg.secret, person.id, cohortId),
				randomBytes(32).toString('base64url')
			);
		}

		await deleteRowsNamingAddress(tx, person.email, person.id);

		await recordAuditEvents(
			tx,
			[
				...revoked.map((id) => ({
					actorId,
					actorRole,
					subjectId: person.id,
					action: 'revoke-certificate' as const,
					target: `certificate:${id}`,
					reason: self ? null : (input.reason ?? null)
				})),
				{
					actorId,
					actorRole,
					subjectId: person.id,
					action: 'erase-account' as const,
					target: input.keepCertificates && valid.length ? 'certificates-kept' : null,
					reason: self ? null : (input.reason?.trim() ?? null)
				}
			],
			now
		);

		await deleteUser(tx, person.id);
		await notifyAccessChanged(tx, person.id);
		return {
			ok: true,
			summary: {
				enrolments: enrolmentIds.length,
				liveAnswersDeleted: remove.length,
				liveAnswersBlanked: blank.length,
				liveAnswersUnlinked: unlink.length,
				certificatesRevoked: revoked.length,
				certificatesKept: input.keepCertificates ? valid.length : 0,
				evaluationResponsesRepseudonymised: repseudonymised
			}
		} as const;
	});
}
