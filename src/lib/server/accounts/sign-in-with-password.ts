import { APIError } from 'better-auth/api';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { findUserByEmail } from './users.queries.ts';

/**
 * Signs a person in with email and password (better-auth sets the session cookie on the
 * current response). A wrong address or password is an outcome, not an error; the person's
 * language comes back so the page can follow it from the first response.
 */
export async function signInWithPassword(
	auth: Auth,
	db: Db,
	input: { email: string; password: string; headers: Headers }
): Promise<{ ok: true; locale: string | null } | { ok: false }> {
	try {
		await auth.api.signInEmail({
			body: { email: input.email, password: input.password },
			headers: input.headers
		});
	} catch (e) {
		if (e instanceof APIError) return { ok: false };
		throw e;
	}
	const user = await findUserByEmail(db, input.email);
	return { ok: true, locale: user?.locale ?? null };
}
