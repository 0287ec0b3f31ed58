import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { insertInvitation } from '../accounts/invitations.queries.ts';
import { INVITATION_DAYS } from '../accounts/invite-member.ts';
import { findUserByEmail } from '../accounts/users.queries.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { isClosed, loadCohortContext } from '../cohorts/cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { findEnrolment } from './enrolment.queries.ts';

export type CohortInviteResult =
	{ ok: true; url: string } | { ok: false; reason: 'closed' | 'already-in' };

/**
 * Invites a person by email to a cohort. It is an organisation invitation (role participant)
 * that also carries the cohort: accepting it creates the account if needed and takes a place
 * (or a waiting-list place) in the cohort. The email lists the dates and attaches them.
 */
export async function inviteToCohort(
	db: Db,
	cfg: Config,
	input: {
		cohortId: string;
		email: string;
		locale: string;
		invitedBy: string | null;
		now?: Date;
	}
): Promise<CohortInviteResult> {
	const now = input.now ?? new Date();
	const ctx = (await loadCohortContext(db, input.cohortId))!;
	if (isClosed(ctx, now)) return { ok: false, reason: 'closed' };
	const email = input.email.trim().toLowerCase();
	const existing = await findUserByEmail(db, email);
	if (existing) {
		const e = await findEnrolment(db, ctx.cohort.id, existing.id);
		if (e && ['enrolled', 'waitlisted'].includes(e.status)) {
			return { ok: false, reason: 'already-in' };
		}
	}
	const token = newToken();
	const url = `${cfg.origin}/invitations/${token}`;
	await db.transaction(async (tx) => {
		await insertInvitation(tx, {
			organisationId: ctx.cohort.organisationId,
			cohortId: ctx.cohort.id,
			email,
			role: 'participant',
			tokenHash: hashToken(token),
			invitedBy: input.invitedBy,
			locale: input.locale,
			expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000)
		});
		await enqueueCohortEmail(
			tx,
			cfg,
			ctx,
			{
				email,
				locale: existing?.locale ?? input.locale,
				timeZone: existing?.timeZone ?? ctx.cohort.timeZone
			},
			'cohort-invitation',
			{ url, secret: { viewer: input.invitedBy } }
		);
	});
	return { ok: true, url };
}
