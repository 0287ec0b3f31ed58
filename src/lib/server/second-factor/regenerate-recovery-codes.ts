import type { Auth } from '../auth/auth.ts';
import { codeRefusal } from './auth-errors.ts';

/**
 * Replaces all recovery codes with ten new ones (the old ones stop working), after the
 * person's password. Shown once.
 */
export async function regenerateRecoveryCodes(
	auth: Auth,
	input: { password: string; headers: Headers }
): Promise<
	{ ok: true; recoveryCodes: string[] } | { ok: false; reason: 'wrong-password' | 'not-set-up' }
> {
	try {
		const r = await auth.api.generateBackupCodes({
			body: { password: input.password },
			headers: input.headers
		});
		return { ok: true, recoveryCodes: r.backupCodes };
	} catch (e) {
		const reason = codeRefusal(e);
		if (!reason) throw e;
		return { ok: false, reason: reason === 'wrong-password' ? 'wrong-password' : 'not-set-up' };
	}
}
