import { APIError } from 'better-auth/api';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { hashPassword, isCurrentHash } from '../security/password-hash.ts';
import { findPasswordHash, findUserByEmail, updatePasswordHash } from './users.queries.ts';

/**
 * Signs a person in with email and password (better-auth sets the session cookie on the
 * current response). A wrong address or password is an outcome, not an error; the person's
 * language comes back so the page can follow it from the first response.
 *
 * - Every sign-in makes a new session; a session the browser still carried is ended.
 * - A person with an authenticator app gets no session yet: the library sets a short-lived
 *   challenge cookie and the outcome is 'second-factor' (the code page finishes the sign-in).
 * - A password still hashed the old way (scrypt) is hashed again with argon2id, now that it
 *   is known to be right.
 */
export async function signInWithPassword(
	auth: Auth,
	db: Db,
	input: { email: string; password: string; headers: Headers }
): Promise<
	| { ok: true; locale: string | null }
	| { ok: 'second-factor'; locale: string | null }
	| { ok: false }
> {
	const previous = await auth.api.getSession({ headers: input.headers }).catch(() => null);
	let result: unknown;
	try {
		result = await auth.api.signInEmail({
			body: { email: input.email, password: input.password },
			headers: input.headers
		});
	} catch (e) {
		if (e instanceof APIError) return { ok: false };
		throw e;
	}
	const user = await findUserByEmail(db, input.email);
	if (previous) {
		const ctx = await auth.$context;
		await ctx.internalAdapter.deleteSession(previous.session.token);
	}
	if (user) {
		const stored = await findPasswordHash(db, user.id);
		if (stored && !isCurrentHash(stored.hash)) {
			await updatePasswordHash(
				db,
				stored.accountId,
				stored.hash,
				await hashPassword(input.password)
			);
		}
	}
	const locale = user?.locale ?? null;
	if ((result as { twoFactorRedirect?: boolean }).twoFactorRedirect) {
		return { ok: 'second-factor', locale };
	}
	return { ok: true, locale };
}
