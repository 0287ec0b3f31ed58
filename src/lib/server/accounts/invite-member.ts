import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { OrgRole } from '../db/schema/index.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { invitationEmail } from '../notifications/templates/invitation.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { insertInvitation } from './invitations.queries.ts';
import { roleLabel } from './role-label.ts';
import { findUserByEmail, listRoles } from './users.queries.ts';

export const INVITATION_DAYS = 14;

export type InviteResult = { ok: true; url: string } | { ok: false; reason: 'already-member' };

/**
 * Invites a person by email to a role in the organisation. The email is written in the
 * language the admin chose for it; the link carries a token whose hash alone is stored.
 * Re-inviting someone with an open invitation sends a fresh link (the old one stays valid
 * until it expires), because the usual reason is a lost email.
 */
export async function inviteMember(
	db: Db,
	cfg: Config,
	input: {
		organisation: { id: string; name: string };
		email: string;
		role: OrgRole;
		locale: string;
		invitedBy: string | null;
		/**
		 * Who may still read the link in the outbox; the inviter by default. The first admin's
		 * invitation has no inviter and names the operator, who reads it by SQL (README).
		 */
		linkReader?: string | null;
		now?: Date;
	}
): Promise<InviteResult> {
	const now = input.now ?? new Date();
	const email = input.email.trim().toLowerCase();
	const existing = await findUserByEmail(db, email);
	if (existing) {
		const roles = await listRoles(db, input.organisation.id, existing.id);
		if (roles.some((r) => r.role === input.role)) return { ok: false, reason: 'already-member' };
	}
	const token = newToken();
	const url = `${cfg.origin}/invitations/${token}`;
	// The invitation and its email commit together: no link is stored that was never sent.
	await db.transaction(async (tx) => {
		await insertInvitation(tx, {
			organisationId: input.organisation.id,
			email,
			role: input.role,
			tokenHash: hashToken(token),
			invitedBy: input.invitedBy,
			locale: input.locale,
			expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000)
		});
		await enqueueEmail(
			tx,
			cfg,
			invitationEmail({
				to: email,
				url,
				locale: input.locale,
				organisation: input.organisation.name,
				role: roleLabel(input.role, input.locale),
				invitedBy: input.linkReader === undefined ? input.invitedBy : input.linkReader
			})
		);
	});
	return { ok: true, url };
}
