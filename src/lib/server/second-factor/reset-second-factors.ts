import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { findPasswordHash, findUserById, listRoles } from '../accounts/users.queries.ts';
import { deleteSessionsOfUser } from '../accounts/sessions.queries.ts';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { secondFactorResetEmail } from '../notifications/templates/second-factor-reset.ts';
import { verifyPassword } from '../security/password-hash.ts';
import {
	deletePasskeysOfUser,
	deleteTwoFactorsOfUser,
	findMemberSecondFactors
} from './second-factors.queries.ts';

export type ResetSecondFactorsResult =
	| { ok: true; removed: { app: boolean; passkeys: number } }
	| {
			ok: false;
			reason: 'self' | 'not-admin' | 'not-found' | 'wrong-password' | 'nothing-to-reset';
	  };

/**
 * An organisation admin resets another member's second factors, for someone who lost their
 * authenticator app and its recovery codes, or their passkey, and cannot sign in (ADR 029).
 *
 * In one transaction: the authenticator app (key, recovery codes, lockout) and every passkey
 * go, every session of the person ends (and their live streams), the audit log records the
 * admin as actor ('reset-second-factor', ADR 031), and an email tells the person in their
 * language. They sign in with their password next; where the organisation requires a second
 * factor of staff, an admin or facilitator sets up a new one before anything else.
 *
 * Refused: an admin's own account ('self': another admin must do it, so one stolen admin
 * session and password cannot strip that admin's own second step); a caller who is not an
 * admin of `organisationId` ('not-admin'); a person who is not a member of it ('not-found');
 * the admin's own password, entered again, not right ('wrong-password'); a person with no
 * second factor ('nothing-to-reset', nothing recorded or sent).
 */
export async function resetSecondFactors(
	db: Db,
	cfg: Config,
	input: {
		organisationId: string;
		organisationName: string;
		personId: string;
		adminId: string;
		password: string;
	}
): Promise<ResetSecondFactorsResult> {
	if (input.personId === input.adminId) return { ok: false, reason: 'self' };
	const adminRoles = await listRoles(db, input.organisationId, input.adminId);
	if (!adminRoles.some((r) => r.role === 'admin')) return { ok: false, reason: 'not-admin' };
	const person = await findMemberSecondFactors(db, input.organisationId, input.personId);
	if (!person) return { ok: false, reason: 'not-found' };
	const stored = await findPasswordHash(db, input.adminId);
	if (!stored || !(await verifyPassword({ hash: stored.hash, password: input.password }))) {
		return { ok: false, reason: 'wrong-password' };
	}
	if (!person.hasApp && person.passkeys === 0) return { ok: false, reason: 'nothing-to-reset' };
	const admin = await findUserById(db, input.adminId);
	const passkeys = await db.transaction(async (tx) => {
		await deleteTwoFactorsOfUser(tx, person.id);
		const n = await deletePasskeysOfUser(tx, person.id);
		await deleteSessionsOfUser(tx, person.id);
		await recordAuditEvents(tx, [
			{
				actorId: input.adminId,
				actorRole: 'admin',
				subjectId: person.id,
				action: 'reset-second-factor'
			}
		]);
		await enqueueEmail(
			tx,
			cfg,
			secondFactorResetEmail({
				to: { email: person.email, locale: person.locale },
				admin: admin?.name ?? '',
				organisation: input.organisationName,
				signInUrl: `${cfg.origin}/sign-in`
			})
		);
		await notifyAccessChanged(tx, person.id);
		return n;
	});
	return { ok: true, removed: { app: person.hasApp, passkeys } };
}
