import { z } from 'zod';

/*
 * Configuration is read once from the environment and validated, so a typo fails at start
 * with a readable message instead of as a confusing error on the first request.
 */

const databaseUrl = z
	.string()
	.trim()
	.refine((v) => !/^pglite:/.test(v), {
		message:
			'no longer takes pglite:… (the embedded database is now PostgreSQL). Leave DATABASE_URL unset and set DATA_DIR to that directory instead: its PGlite data is imported at the next start'
	})
	.refine((v) => /^pglite:/.test(v) || /^postgres(ql)?:\/\//.test(v), {
		message:
			'must be postgres://user:password@host:port/database (or unset for the embedded database in DATA_DIR)'
	});

const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	/** Unset: the embedded PostgreSQL in DATA_DIR. Set: that external server. */
	DATABASE_URL: databaseUrl.optional(),
	DATA_DIR: z.string().trim().min(1).default('./data'),
	HOST: z.string().trim().min(1).default('127.0.0.1'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	APP_ORIGIN: z
		.url({ message: 'must be a URL such as https://trellis.example.org' })
		.optional()
		.transform((v) => v?.replace(/\/+$/, '')),
	AUTH_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
		.optional(),
	MAIL_FROM: z.string().default('Trellis <no-reply@trellis.invalid>'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
	MIGRATIONS_DIR: z.string().default('drizzle'),
	// Multiplies every rate limit; only end-to-end tests (all from 127.0.0.1, signing in
	// as the same demo people many times a minute) raise it.
	RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(10_000).default(1)
});

export type Config = z.infer<typeof schema> & { origin: string; secret: string };

export class ConfigError extends Error {
	readonly problems: string[];
	constructor(problems: string[]) {
		super(`Trellis cannot start: the configuration has problems:\n  - ${problems.join('\n  - ')}`);
		this.problems = problems;
		this.name = 'ConfigError';
	}
}

const DEV_SECRET = 'trellis-development-secret-not-for-production-use-0001';

export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`)
		);
	}
	const c = result.data;
	const problems: string[] = [];
	if (c.NODE_ENV === 'production' && !c.AUTH_SECRET) {
		problems.push('AUTH_SECRET is required when NODE_ENV=production (32+ random characters)');
	}
	if (c.NODE_ENV === 'production' && !c.APP_ORIGIN) {
		problems.push('APP_ORIGIN is required when NODE_ENV=production (the public https URL)');
	}
	if (problems.length) throw new ConfigError(problems);
	const host = c.HOST.includes(':') ? `[${c.HOST}]` : c.HOST;
	return {
		...c,
		origin: c.APP_ORIGIN ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${c.PORT}`,
		secret: c.AUTH_SECRET ?? DEV_SECRET
	};
}

let cached: Config | undefined;
export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}
