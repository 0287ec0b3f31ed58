import type { Db } from '../db/client.ts';
import type { OrgRole } from '../db/schema/index.ts';
import { addMembership, countAdmins, removeMembership, listRoles } from './users.queries.ts';

export type ChangeRoleResult = { ok: true } | { ok: false; reason: 'last-admin' | 'not-member' };

/** Adds or removes one organisation role of a member. The last admin cannot be removed. */
export async function changeRole(
	db: Db,
	input: { organisationId: string; userId: string; role: OrgRole; action: 'add' | 'remove' }
): Promise<ChangeRoleResult> {
	// Roles are only managed for people already in the organisation; others are invited.
	const roles = await listRoles(db, input.organisationId, input.userId);
	if (roles.length === 0) return { ok: false, reason: 'not-member' };
	if (input.action === 'add') {
		await addMembership(db, input);
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
	await removeMembership(db, input);
	return { ok: true };
}
