import { APIError } from 'better-auth/api';

export type CodeRefusal = 'wrong-code' | 'expired' | 'locked' | 'wrong-password';

/*
 * The two-factor plugin's refusals, named by what the person can do about them: type the
 * code again, start the sign-in again, wait, or give the right password.
 */
export function codeRefusal(e: unknown): CodeRefusal | undefined {
	if (!(e instanceof APIError)) return undefined;
	const code = (e.body as { code?: string } | undefined)?.code;
	switch (code) {
		case 'ACCOUNT_TEMPORARILY_LOCKED':
			return 'locked';
		case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
		case 'INVALID_TWO_FACTOR_COOKIE':
			return 'expired';
		case 'INVALID_PASSWORD':
			return 'wrong-password';
		default:
			return 'wrong-code';
	}
}
