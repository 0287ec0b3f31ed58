import type { Auth } from '../auth/auth.ts';
import { codeRefusal } from './auth-errors.ts';

/**
 * Begins setting up an authenticator app for the signed-in person, after their password
 * again. Gives the app's key (as an otpauth URI) and ten recovery codes, shown once. Nothing
 * is required at sign-in until the first code is confirmed (confirmTotpSetup); starting again
 * replaces an unconfirmed key. Refused when an app is already set up.
 */
export async function startTotpSetup(
	auth: Auth,
	input: { password: string; headers: Headers }
): Promise<
	| { ok: true; totpUri: string; recoveryCodes: string[] }
	| { ok: false; reason: 'wrong-password' | 'already-set-up' }
> {
	try {
		const r = await auth.api.enableTwoFactor({
			body: { password: input.password },
			headers: input.headers
		});
		if (r.method !== 'totp') throw new Error('the two-factor plugin answered for another method');
		return { ok: true, totpUri: r.totpURI, recoveryCodes: r.backupCodes };
	} catch (e) {
		const reason = codeRefusal(e);
		if (!reason) throw e;
		return { ok: false, reason: reason === 'wrong-password' ? 'wrong-password' : 'already-set-up' };
	}
}
