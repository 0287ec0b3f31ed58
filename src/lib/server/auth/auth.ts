import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { findUserByEmail } from '../accounts/users.queries.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { magicLinkEmail } from '../notifications/templates/sign-in-link.ts';
import { passwordResetEmail } from '../notifications/templates/password-reset.ts';

export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 7;

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
	const secure = cfg.origin.startsWith('https://');
	return betterAuth({
		appName: 'Trellis',
		baseURL: cfg.origin,
		secret: cfg.secret,
		trustedOrigins: [cfg.origin],
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: schema.users,
				session: schema.sessions,
				account: schema.accounts,
				verification: schema.verifications,
				rateLimit: schema.rateLimits
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
		session: { expiresIn: SESSION_MAX_AGE_S, updateAge: 60 * 60 * 24 },
		databaseHooks: {
			session: {
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
				'/request-password-reset': { window: 60, max: 5 * cfg.RATE_LIMIT_SCALE }
			}
		},
		advanced: {
			cookiePrefix: 'trellis',
			useSecureCookies: secure,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
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
			...(opts.getRequestEvent ? [sveltekitCookies(opts.getRequestEvent)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
