import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { hashToken } from '../security/tokens.ts';
import { takePlace, type JoinResult } from '../enrolment/join-cohort.ts';
import { findOpenInvitationByHash, markInvitationAccepted } from './invitations.queries.ts';
import { addMembership, findUserByEmail, insertPasswordAccount } from './users.queries.ts';

export type AcceptResult =
	| {
			ok: true;
			userId: string;
			created: boolean;
			email: string;
			cohortId: string | null;
			/** The place an invitation to a cohort took (or the request it made). */
			place: JoinResult | null;
	  }
	| { ok: false; reason: 'invalid' };

/**
 * Accepts an invitation, all in one transaction: the invitation is claimed, a new person's
 * account is created with the password they chose (an existing account, whose owner the
 * route has checked is signed in, gains the role), the role is added, and an invitation to
 * a cohort takes its place there. If any step fails nothing stays half done, and a double
 * submit waits on the claim and then finds the invitation accepted.
 *
 * An invitation without an inviter was asked for through a cohort's join link: the cohort's
 * approval rule applies to it as to any join by link.
 */
export async function acceptInvitation(
	db: Db,
	auth: Auth,
	cfg: Config,
	input: {
		token: string;
		name?: string;
		password?: string;
		pronouns?: string | null;
		locale: string;
		timeZone: string;
		now?: Date;
	}
): Promise<AcceptResult> {
	const now = input.now ?? new Date();
	const inv = await findOpenInvitationByHash(db, hashToken(input.token), now);
	if (!inv) return { ok: false, reason: 'invalid' };
	// Hashed before the transaction: the hash is slow on purpose and holds no lock.
	const existing = await findUserByEmail(db, inv.email);
	if (!existing && (!input.name || !input.password)) {
		throw new Error('name and password are required');
	}
	const passwordHash = existing ? null : await (await auth.$context).password.hash(input.password!);
	return db.transaction(async (tx): Promise<AcceptResult> => {
		if (!(await markInvitationAccepted(tx, inv.id, now))) return { ok: false, reason: 'invalid' };
		let user = await findUserByEmail(tx, inv.email);
		let created = false;
		if (!user) {
			await insertPasswordAccount(tx, {
				email: inv.email,
				name: input.name!,
				passwordHash: passwordHash!,
				locale: input.locale,
				timeZone: input.timeZone,
				pronouns: input.pronouns ?? null,
				at: now
			});
			user = (await findUserByEmail(tx, inv.email))!;
			created = true;
		}
		await addMembership(tx, {
			organisationId: inv.organisationId,
			userId: user.id,
			role: inv.role
		});
		const place = inv.cohortId
			? await takePlace(tx, cfg, {
					cohortId: inv.cohortId,
					userId: user.id,
					via: inv.invitedBy ? 'invitation' : 'link',
					now
				})
			: null;
		return { ok: true, userId: user.id, created, email: inv.email, cohortId: inv.cohortId, place };
	});
}
