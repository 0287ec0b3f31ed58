import type { Auth } from '../auth/auth.ts';

/**
 * Creates a person's account with a password through the auth library's own adapter, so the
 * password is hashed and stored exactly as its sign-in expects. Used by invitation
 * acceptance, the demo seed and test factories; public sign-up stays closed.
 */
export async function createAccount(
	auth: Auth,
	p: {
		email: string;
		name: string;
		password: string;
		/** The password's hash when the caller already has one (the demo's people share one). */
		passwordHash?: string;
		locale: string;
		timeZone: string;
		pronouns?: string | null;
		country?: string | null;
	}
): Promise<{ id: string }> {
	const ctx = await auth.$context;
	const u = await ctx.internalAdapter.createUser(
		{
			email: p.email.trim().toLowerCase(),
			name: p.name,
			emailVerified: true,
			locale: p.locale,
			timeZone: p.timeZone,
			pronouns: p.pronouns ?? null,
			country: p.country ?? null
		},
		{ method: 'invitation' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: u.id,
		providerId: 'credential',
		accountId: u.id,
		password: p.passwordHash ?? (await ctx.password.hash(p.password))
	});
	return { id: u.id };
}
