import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { hit } from '../security/rate-limit.ts';
import { codeRefusal } from './auth-errors.ts';

/**
 * Confirms the authenticator app with its first code. From then on a password sign-in asks
 * for a code, and the library replaces the session (a new session id after the change).
 * Limited to 5 tries a minute per person (scaled by RATE_LIMIT_SCALE).
 */
export async function confirmTotpSetup(
	auth: Auth,
	db: Db,
	cfg: Config,
	input: { userId: string; code: string; headers: Headers }
): Promise<{ ok: true } | { ok: false; reason: 'wrong-code' | 'rate-limited' | 'not-started' }> {
	if (
		!(await hit(db, `2fa-setup:${input.userId}`, { max: 5 * cfg.RATE_LIMIT_SCALE, windowS: 60 }))
	) {
		return { ok: false, reason: 'rate-limited' };
	}
	try {
		await auth.api.verifyTOTP({ body: { code: input.code }, headers: input.headers });
	} catch (e) {
		if (!codeRefusal(e)) throw e;
		const body = (e as { body?: { code?: string } }).body;
		return { ok: false, reason: body?.code === 'TOTP_NOT_ENABLED' ? 'not-started' : 'wrong-code' };
	}
	return { ok: true };
}
