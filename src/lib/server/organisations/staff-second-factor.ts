import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findUserById, listRoles } from '../accounts/users.queries.ts';
import { countPasskeys } from '../second-factor/second-factors.queries.ts';
import { currentOrganisation } from './current-organisation.ts';
import { findStaffSecondFactorSetting } from './organisations.queries.ts';

/**
 * Without an admin's choice, admins and facilitators must have a second factor wherever the
 * deployment is real (NODE_ENV=production or an https origin), and need not in the local demo
 * and the tests, whose people sign in with a shared demo password (ADR 029).
 */
export function deploymentRequiresSecondFactor(cfg: Config): boolean {
	return cfg.NODE_ENV === 'production' || cfg.origin.startsWith('https://');
}

/** Whether the organisation requires a second factor of its admins and facilitators. */
export async function staffSecondFactorRequired(
	db: Db,
	cfg: Config,
	organisationId: string
): Promise<{ required: boolean; explicit: boolean }> {
	const setting = await findStaffSecondFactorSetting(db, organisationId);
	return setting === null
		? { required: deploymentRequiresSecondFactor(cfg), explicit: false }
		: { required: setting, explicit: true };
}

/**
 * Whether an admin or facilitator still has to set up a second factor before going on (the
 * session hook sends them to the setup page). The requirement is met by a confirmed
 * authenticator app or by a passkey; a passkey counts only because `passkeyOnlyStaff` then
 * closes the password and link paths to that account (ADR 029, "A passkey meets the staff
 * requirement").
 */
export async function staffSecondFactorMissing(
	db: Db,
	cfg: Config,
	p: { organisationId: string; userId: string; twoFactorEnabled: boolean }
): Promise<boolean> {
	if (p.twoFactorEnabled) return false;
	if (!(await staffSecondFactorRequired(db, cfg, p.organisationId)).required) return false;
	return (await countPasskeys(db, p.userId)) === 0;
}

/**
 * Whether the person's only second factor is a passkey, and it is what meets the staff
 * requirement: an admin or facilitator of an organisation that requires one, with a passkey
 * and no authenticator app. Such an account signs in with its passkey only; a password or a
 * sign-in link alone would be one factor (auth.ts refuses the session they would make).
 */
export async function passkeyOnlyStaff(db: Db, cfg: Config, userId: string): Promise<boolean> {
	const user = await findUserById(db, userId);
	if (!user || user.twoFactorEnabled) return false;
	if ((await countPasskeys(db, userId)) === 0) return false;
	const org = await currentOrganisation(db);
	const roles = await listRoles(db, org.id, userId);
	if (!roles.some((r) => r.role === 'admin' || r.role === 'facilitator')) return false;
	return (await staffSecondFactorRequired(db, cfg, org.id)).required;
}
