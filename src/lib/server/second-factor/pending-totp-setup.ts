import { symmetricDecrypt } from 'better-auth/crypto';
import { createOTP } from '@better-auth/utils/otp';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { findTwoFactor } from './second-factors.queries.ts';

/**
 * The key of an authenticator app whose setup was started but not yet confirmed, so that the
 * setup page can show it again after a mistyped code (the page works without JavaScript and
 * keeps nothing between requests). Undefined when there is none.
 */
export async function pendingTotpSetup(
	auth: Auth,
	db: Db,
	user: { id: string; email: string }
): Promise<{ totpUri: string } | undefined> {
	const row = await findTwoFactor(db, user.id);
	if (!row || row.verified) return undefined;
	const ctx = await auth.$context;
	const secret = await symmetricDecrypt({ key: ctx.secretConfig, data: row.secret });
	return { totpUri: createOTP(secret).url('Trellis', user.email) };
}
