import type { Db } from '../db/client.ts';
import type { OrgRole } from '../db/schema/index.ts';
import { addMembership, countAdmins, removeMembership, listRoles } from './users.queries.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

export type ChangeRoleResult = { ok: true } | { ok: false; reason: 'last-admin' | 'not-member' };

/**
 * Adds or removes one organisation role of a member. The last admin cannot be removed.
 * Every change is in the audit log with the admin who made it (`by`); adding a role the
 * person already holds changes nothing and is not recorded.
 */
export async function changeRole(
	db: Db,
	input: {
		organisationId: string;
		userId: string;
		role: OrgRole;
		action: 'add' | 'remove';
		by: string;
	}
): Promise<ChangeRoleResult> {
	// Roles are only managed for people already in the organisation; others are invited.
	const roles = await listRoles(db, input.organisationId, input.userId);
	if (roles.length === 0) return { ok: false, reason: 'not-member' };
	const record = () =>
		recordAuditEvents(db, [
			{
				actorId: input.by,
				actorRole: 'admin',
				subjectId: input.userId,
				action: 'change-role',
				target: `${input.action}:${input.role}`
			}
		]);
	if (input.action === 'add') {
		if (roles.some((r) => r.role === input.role)) return { ok: true };
		await addMembership(db, input);
		await record();
		return { ok: true };
	}
	if (input.role === 'admin') {
		if (
			roles.some((r) => r.role === 'admin') &&
			(await countAdmins(db, input.organisationId)) <= 1
		) {
			return { ok: false, reason: 'last-admin' };
		}
	}
	if (!roles.some((r) => r.role === input.role)) return { ok: true };
	await removeMembership(db, input);
	await record();
	return { ok: true };
}
