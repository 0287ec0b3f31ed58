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
