import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink, twoFactor } from 'better-auth/plugins';
import { passkey } from '@better-auth/passkey';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { findUserByEmail, findUserById } from '../accounts/users.queries.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { magicLinkEmail } from '../notifications/templates/sign-in-link.ts';
import { passwordResetEmail } from '../notifications/templates/password-reset.ts';
import { hashPassword, verifyPassword } from '../security/password-hash.ts';
import { SESSION_LIMITS } from '../accounts/session-limits.ts';
import { passkeyOnlyStaff } from '../organisations/staff-second-factor.ts';
import { APIError } from 'better-auth/api';

/* The cookie's and the library's own sliding expiry; ours (idle, absolute) are in session-limits.ts. */
export const SESSION_MAX_AGE_S = SESSION_LIMITS.participant.idleS;

/* Every cookie the library and its plugins set, so that each can carry the __Host- prefix. */
const COOKIES = [
	'session_token',
	'session_data',
	'account_data',
	'dont_remember',
	'two_factor',
	'trust_device',
	'passkey_challenge'
] as const;

/**
 * On https every cookie is `__Host-`: Secure, Path=/ and no Domain, so no other site or
 * subdomain can set or shadow it. The library only knows `__Secure-`, so the prefix is part
 * of the names and its own prefixing is off.
 */
export function cookieOptions(cfg: Config) {
	const secure = cfg.origin.startsWith('https://');
	return {
		cookiePrefix: 'trellis',
		useSecureCookies: false,
		defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' },
		...(secure
			? { cookies: Object.fromEntries(COOKIES.map((c) => [c, { name: `__Host-trellis.${c}` }])) }
			: {})
	};
}

/*
 * WebAuthn refuses an IP address as the relying party, so a loopback origin (the demo, the
 * tests) registers passkeys for "localhost" and accepts that spelling of itself as well.
 */
function passkeyParties(origin: string) {
	const u = new URL(origin);
	if (u.hostname !== '127.0.0.1' && u.hostname !== '[::1]') {
		return { rpID: u.hostname, origins: [origin] };
	}
	const local = `${u.protocol}//localhost${u.port ? `:${u.port}` : ''}`;
	return { rpID: 'localhost', origins: [origin, local] };
}

/* Where a session comes from a password or a sign-in link alone. */
const ONE_FACTOR_PATHS = new Set(['/sign-in/email', '/magic-link/verify']);

/** Refuses a passkey sign-in whose authenticator did not verify the person (PIN, biometrics). */
export function requireUserVerified(p: {
	verification: { authenticationInfo: { userVerified: boolean } };
}) {
	if (!p.verification.authenticationInfo.userVerified) {
		throw new APIError('UNAUTHORIZED', {
			code: 'USER_NOT_VERIFIED',
			message: 'The passkey did not verify the person'
		});
	}
}

/**
 * Builds the better-auth instance for one database. Sign-up is closed: accounts are created
 * only by accepting an invitation (see accept-invitation.ts). Magic links are sent only to
 * existing accounts, and the answer to the requester is the same either way.
 */
export function createAuth(
	db: Db,
	cfg: Config,
	opts: { getRequestEvent?: () => RequestEvent } = {}
) {
	const parties = passkeyParties(cfg.origin);
	return betterAuth({
		appName: 'Trellis',
		baseURL: cfg.origin,
		secret: cfg.secret,
		trustedOrigins: parties.origins,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: schema.users,
				session: schema.sessions,
				account: schema.accounts,
				verification: schema.verifications,
				rateLimit: schema.rateLimits,
				twoFactor: schema.twoFactors,
				passkey: schema.passkeys
			}
		}),
		user: {
			additionalFields: {
				locale: { type: 'string', required: false, defaultValue: 'en', input: false },
				timeZone: { type: 'string', required: false, defaultValue: 'UTC', input: false },
				pronouns: { type: 'string', required: false, input: false },
				country: { type: 'string', required: false, input: false }
			}
		},
		session: {
			expiresIn: SESSION_MAX_AGE_S,
			updateAge: 60 * 60 * 24,
			additionalFields: {
				lastActiveAt: { type: 'date', required: false, input: false }
			}
		},
		databaseHooks: {
			session: {
				create: {
					/*
					 * The two-factor plugin asks for the code after a password only. A sign-in link
					 * is a single factor too, so for a person with an authenticator app it makes no
					 * session: the link's error page asks them to use the password and code, or a
					 * passkey, instead. Staff whose passkey is their required second factor have
					 * no code to ask for: their password and their link make no session at all
					 * (signInWithPassword tells them to use the passkey). This hook guards every
					 * entry point, /api/auth/sign-in/email included, not only our pages.
					 */
					before: async (session, ctx) => {
						if (ctx?.path === '/magic-link/verify') {
							const u = await findUserById(db, session.userId);
							if (u?.twoFactorEnabled) return false;
						}
						if (ONE_FACTOR_PATHS.has(ctx?.path ?? '')) {
							if (await passkeyOnlyStaff(db, cfg, session.userId)) return false;
						}
						return { data: { lastActiveAt: new Date() } };
					}
				},
				delete: {
					// Signing out or revoking a session ends the live streams it opened.
					after: async (session) => {
						await notifyAccessChanged(db, session.userId);
					}
				}
			}
		},
		emailAndPassword: {
			enabled: true,
			disableSignUp: true,
			minPasswordLength: 10,
			maxPasswordLength: 200,
			revokeSessionsOnPasswordReset: true,
			password: { hash: hashPassword, verify: verifyPassword },
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user, token }) => {
				const url = `${cfg.origin}/reset-password?token=${encodeURIComponent(token)}`;
				const u = await findUserByEmail(db, user.email);
				await enqueueEmail(db, cfg, passwordResetEmail({ to: user.email, url, locale: u?.locale }));
			}
		},
		rateLimit: {
			enabled: true,
			storage: 'database',
			window: 60,
			max: 60 * cfg.RATE_LIMIT_SCALE,
			customRules: {
				'/sign-in/email': { window: 60, max: 5 * cfg.RATE_LIMIT_SCALE },
				'/sign-in/magic-link': { window: 60, max: 5 * cfg.RATE_LIMIT_SCALE },
				'/magic-link/verify': { window: 60, max: 10 * cfg.RATE_LIMIT_SCALE },
				'/request-password-reset': { window: 60, max: 5 * cfg.RATE_LIMIT_SCALE },
				'/two-factor/*': { window: 60, max: 5 * cfg.RATE_LIMIT_SCALE },
				'/passkey/verify-authentication': { window: 60, max: 10 * cfg.RATE_LIMIT_SCALE }
			}
		},
		advanced: {
			...cookieOptions(cfg),
			ipAddress: { ipAddressHeaders: ['x-trellis-client-ip'] }
		},
		telemetry: { enabled: false },
		plugins: [
			magicLink({
				disableSignUp: true,
				expiresIn: 60 * 15,
				storeToken: 'hashed',
				sendMagicLink: async ({ email, url }) => {
					const user = await findUserByEmail(db, email);
					if (!user) return;
					await enqueueEmail(db, cfg, magicLinkEmail({ to: email, url, locale: user.locale }));
				}
			}),
			twoFactor({
				issuer: 'Trellis',
				// Only our own sign-in page asks for the code; nothing is remembered per device.
				trustDeviceMaxAge: 1,
				twoFactorCookieMaxAge: 60 * 10,
				backupCodeOptions: { amount: 10, length: 10 },
				accountLockout: { maxFailedAttempts: 10, durationSeconds: 15 * 60 }
			}),
			passkey({
				rpID: parties.rpID,
				rpName: 'Trellis',
				origin: parties.origins,
				/*
				 * A passkey signs in on its own, so it must be two factors: the device and its
				 * fingerprint, face or PIN. The library asks browsers for that ("preferred") but
				 * accepts an answer without it (requireUserVerification: false), so registration
				 * asks for it outright and a sign-in without it is refused.
				 */
				authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
				authentication: { afterVerification: requireUserVerified },
				advanced: { webAuthnChallengeCookie: 'passkey_challenge' }
			}),
			...(opts.getRequestEvent ? [sveltekitCookies(opts.getRequestEvent)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
