import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { hit } from '../security/rate-limit.ts';
import { codeRefusal, type CodeRefusal } from './auth-errors.ts';

/**
 * Finishes a password sign-in with the second factor: a code from the authenticator app or
 * one of the recovery codes (each works once; the library removes it when used). The
 * challenge cookie set at the password step says whose sign-in it is.
 *
 * Limits, on top of one another: 10 tries a minute from one address (ours, scaled by
 * RATE_LIMIT_SCALE), 5 wrong codes end the challenge (the person signs in again), and 10 wrong
 * codes in a row lock the account's second factor for 15 minutes (the library's, ADR 029).
 * The code was checked for its shape by the caller.
 */
export async function verifySecondFactor(
	auth: Auth,
	db: Db,
	cfg: Config,
	input: { method: 'totp' | 'recovery'; code: string; headers: Headers; clientKey: string }
): Promise<
	{ ok: true } | { ok: false; reason: Exclude<CodeRefusal, 'wrong-password'> | 'rate-limited' }
> {
	if (!(await hit(db, `2fa:${input.clientKey}`, { max: 10 * cfg.RATE_LIMIT_SCALE, windowS: 60 }))) {
		return { ok: false, reason: 'rate-limited' };
	}
	try {
		if (input.method === 'totp') {
			await auth.api.verifyTOTP({ body: { code: input.code }, headers: input.headers });
		} else {
			await auth.api.verifyBackupCode({ body: { code: input.code }, headers: input.headers });
		}
	} catch (e) {
		const reason = codeRefusal(e);
		if (!reason) throw e;
		return { ok: false, reason: reason === 'wrong-password' ? 'wrong-code' : reason };
	}
	return { ok: true };
}
