import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { hashToken } from '../security/tokens.ts';
import { findOpenInvitationByHash, markInvitationAccepted } from './invitations.queries.ts';
import { createAccount } from './create-account.ts';
import { addMembership, findUserByEmail } from './users.queries.ts';

export type AcceptResult =
	| {
			ok: true;
			userId: string;
			created: boolean;
			email: string;
			cohortId: string | null;
			/** Null when the person asked through a cohort's join link rather than being invited. */
			invitedBy: string | null;
	  }
	| { ok: false; reason: 'invalid' };

/**
 * Accepts an invitation. A new person gets an account with the password they chose; a
 * person who already has an account gets the new role added (they must be signed in as
 * that account, which the route checks). The invitation is claimed first, so a double
 * submit cannot create two accounts.
 */
export async function acceptInvitation(
	db: Db,
	auth: Auth,
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
	if (!(await markInvitationAccepted(db, inv.id, now))) return { ok: false, reason: 'invalid' };

	let user = await findUserByEmail(db, inv.email);
	let created = false;
	if (!user) {
		if (!input.name || !input.password) throw new Error('name and password are required');
		await createAccount(auth, {
			email: inv.email,
			name: input.name,
			password: input.password,
			locale: input.locale,
			timeZone: input.timeZone,
			pronouns: input.pronouns ?? null
		});
		user = (await findUserByEmail(db, inv.email))!;
		created = true;
	}
	await addMembership(db, { organisationId: inv.organisationId, userId: user.id, role: inv.role });
	return {
		ok: true,
		userId: user.id,
		created,
		email: inv.email,
		cohortId: inv.cohortId,
		invitedBy: inv.invitedBy
	};
}
