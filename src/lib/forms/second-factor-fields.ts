import { z } from 'zod';

/* The code fields of the second-factor forms; a malformed code never reaches the library. */
export const totpCode = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, 'error_required')
	.max(20, 'error_totp_code')
	.transform((v, ctx) => {
		const code = normaliseTotpCode(v);
		if (!code) ctx.addIssue({ code: 'custom', message: 'error_totp_code' });
		return code ?? '';
	});

export const recoveryCode = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, 'error_required')
	.max(30, 'error_recovery_code')
	.transform((v, ctx) => {
		const code = normaliseRecoveryCode(v);
		if (!code) ctx.addIssue({ code: 'custom', message: 'error_recovery_code' });
		return code ?? '';
	});

/*
 * What a typed code may look like, checked before anything is asked of the library: six
 * digits from an authenticator app (spaces allowed, as apps show "123 456"), or a recovery
 * code of ten letters and digits, with or without its dash.
 */
export function normaliseTotpCode(raw: string): string | null {
	const v = raw.replace(/\s+/g, '');
	return /^\d{6}$/.test(v) ? v : null;
}

export function normaliseRecoveryCode(raw: string): string | null {
	const v = raw.trim().replace(/\s+/g, '');
	const m = /^([A-Za-z0-9]{5})-?([A-Za-z0-9]{5})$/.exec(v);
	return m ? `${m[1]}-${m[2]}` : null;
}
