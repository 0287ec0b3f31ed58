import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
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
