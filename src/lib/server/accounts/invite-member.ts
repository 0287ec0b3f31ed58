import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { OrgRole } from '../db/schema/index.ts';
import { sendEmail } from '../email/send-email.ts';
import { invitationEmail } from '../email/templates.ts';
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
	await insertInvitation(db, {
		organisationId: input.organisation.id,
		email,
		role: input.role,
		tokenHash: hashToken(token),
		invitedBy: input.invitedBy,
		locale: input.locale,
		expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000)
	});
	const url = `${cfg.origin}/invitations/${token}`;
	await sendEmail(
		db,
		cfg,
		invitationEmail({
			to: email,
			url,
			locale: input.locale,
			organisation: input.organisation.name,
			role: roleLabel(input.role, input.locale)
		})
	);
	return { ok: true, url };
}
