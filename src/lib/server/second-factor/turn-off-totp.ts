import type { Auth } from '../auth/auth.ts';
import { codeRefusal } from './auth-errors.ts';

/**
 * Removes the authenticator app and its recovery codes, after the person's password. Where
 * the organisation requires a second factor of staff, an admin or facilitator is sent to set
 * one up again at their next request.
 */
export async function turnOffTotp(
	auth: Auth,
	input: { password: string; headers: Headers }
): Promise<{ ok: true } | { ok: false; reason: 'wrong-password' }> {
	try {
		await auth.api.disableTwoFactor({ body: { password: input.password }, headers: input.headers });
		return { ok: true };
	} catch (e) {
		if (!codeRefusal(e)) throw e;
		return { ok: false, reason: 'wrong-password' };
	}
}
