import { APIError } from 'better-auth/api';
import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { passkeyOnlyStaff } from '../organisations/staff-second-factor.ts';
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
 * - An admin or facilitator whose passkey is their required second factor gets no session
 *   and no challenge: the outcome is 'passkey' (auth.ts refuses the session, and only after
 *   the right password, so the answer tells nothing to someone without it).
 * - A password still hashed the old way (scrypt) is hashed again with argon2id, now that it
 *   is known to be right.
 */
export async function signInWithPassword(
	auth: Auth,
	db: Db,
	cfg: Config,
	input: { email: string; password: string; headers: Headers }
): Promise<
	| { ok: true; locale: string | null }
	| { ok: 'second-factor'; locale: string | null }
	| { ok: 'passkey'; locale: string | null }
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
		if (!(e instanceof APIError)) throw e;
		if ((e.body as { code?: string } | undefined)?.code === 'FAILED_TO_CREATE_SESSION') {
			// The password was right (the library checks it first); the session was refused.
			const user = await findUserByEmail(db, input.email);
			if (user && (await passkeyOnlyStaff(db, cfg, user.id))) {
				return { ok: 'passkey', locale: user.locale ?? null };
			}
		}
		return { ok: false };
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
