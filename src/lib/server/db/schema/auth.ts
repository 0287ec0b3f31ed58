import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/*
 * Tables owned by better-auth (user, session, account, verification, rate limit, and the
 * two-factor and passkey plugins' tables).
 * Column names follow the library's model so its Drizzle adapter can use them unchanged;
 * the extra profile columns (locale, time zone, pronouns, country) are declared to it as
 * additionalFields.
 */

export const users = pgTable('users', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	locale: text('locale').notNull().default('en'),
	timeZone: text('time_zone').notNull().default('UTC'),
	pronouns: text('pronouns'),
	// ISO 3166-1 alpha-2, optional: which country's crisis lines the person sees.
	country: text('country'),
	// Set by the two-factor plugin once an authenticator app's first code was confirmed.
	twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		/*
		 * Ours, not the library's: the last request seen with this session (written at most once
		 * a minute), for the idle timeout and the "last active" shown on the profile.
		 */
		lastActiveAt: timestamp('last_active_at', { withTimezone: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const accounts = pgTable(
	'accounts',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('accounts_user_idx').on(t.userId)]
);

export const verifications = pgTable(
	'verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('verifications_identifier_idx').on(t.identifier)]
);

/* Stored in the database (not memory) so that limits hold across app instances. */
export const rateLimits = pgTable('rate_limits', {
	id: text('id').primaryKey(),
	key: text('key').notNull().unique(),
	count: integer('count').notNull(),
	lastRequest: bigint('last_request', { mode: 'number' }).notNull()
});

/*
 * The two-factor plugin's table: an authenticator app's secret and the recovery codes, both
 * encrypted with AUTH_SECRET by the library. `verified` stays false until the first code
 * was confirmed; the failure count and lock are the library's per-account lockout.
 */
export const twoFactors = pgTable(
	'two_factors',
	{
		id: text('id').primaryKey(),
		secret: text('secret').notNull(),
		backupCodes: text('backup_codes').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		verified: boolean('verified').notNull().default(true),
		failedVerificationCount: integer('failed_verification_count').notNull().default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true })
	},
	(t) => [index('two_factors_user_idx').on(t.userId), index('two_factors_secret_idx').on(t.secret)]
);

/* The passkey plugin's table: one row per registered WebAuthn credential (public key only). */
export const passkeys = pgTable(
	'passkeys',
	{
		id: text('id').primaryKey(),
		name: text('name'),
		publicKey: text('public_key').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		credentialID: text('credential_id').notNull(),
		counter: bigint('counter', { mode: 'number' }).notNull(),
		deviceType: text('device_type').notNull(),
		backedUp: boolean('backed_up').notNull(),
		transports: text('transports'),
		createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
		aaguid: text('aaguid')
	},
	(t) => [
		index('passkeys_user_idx').on(t.userId),
		index('passkeys_credential_idx').on(t.credentialID)
	]
);
