import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuthTables } from '@better-auth/core/db';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { createAuth, cookieOptions } from './auth.ts';

/*
 * The trap this guards against: a better-auth release (or a plugin) adds a field, the Drizzle
 * adapter has no column for it, and sign-in fails with a 500. Compared here: the library's own
 * table definitions for the plugins we configure, and our Drizzle tables.
 */
let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

const TABLES: Record<string, PgTable> = {
	user: schema.users,
	session: schema.sessions,
	account: schema.accounts,
	verification: schema.verifications,
	rateLimit: schema.rateLimits,
	twoFactor: schema.twoFactors,
	passkey: schema.passkeys
};

const COLUMN_TYPES: Record<string, string[]> = {
	string: ['PgText'],
	boolean: ['PgBoolean'],
	number: ['PgInteger', 'PgBigInt53'],
	date: ['PgTimestamp']
};

/** Every mismatch between better-auth's expected schema and ours, as sentences. */
function schemaDifferences(tables: ReturnType<typeof getAuthTables>): string[] {
	const problems: string[] = [];
	for (const [model, def] of Object.entries(tables)) {
		const table = TABLES[model];
		if (!table) {
			problems.push(`model ${model} has no Drizzle table in the adapter's schema`);
			continue;
		}
		const columns = table as unknown as Record<string, PgColumn>;
		for (const [key, field] of Object.entries(def.fields)) {
			const name = field.fieldName ?? key;
			const col = columns[name];
			if (!col) {
				problems.push(`${model}.${name}: no column`);
				continue;
			}
			const type = String(field.type);
			const wanted = COLUMN_TYPES[type] ?? [];
			if (!wanted.includes(col.columnType)) {
				problems.push(`${model}.${name}: ${type} expected, column is ${col.columnType}`);
			}
			if (
				field.required === false &&
				col.notNull &&
				!col.hasDefault &&
				field.defaultValue === undefined
			) {
				problems.push(`${model}.${name}: optional in better-auth, but NOT NULL without default`);
			}
		}
		// Columns the library does not know are never written by it: they need a default.
		const known = new Set(['id', ...Object.entries(def.fields).map(([k, f]) => f.fieldName ?? k)]);
		for (const c of getTableConfig(table).columns) {
			const key = Object.entries(columns).find(([, v]) => v === c)?.[0] ?? c.name;
			if (!known.has(key) && c.notNull && !c.hasDefault) {
				problems.push(`${model}.${key}: unknown to better-auth, NOT NULL without default`);
			}
		}
	}
	return problems;
}

describe('better-auth schema against the Drizzle tables', () => {
	it('has a column of the right type for every field of the configured plugins', () => {
		const auth = createAuth(h.db, testConfig());
		const tables = getAuthTables(auth.options);
		expect(Object.keys(tables).sort()).toEqual(Object.keys(TABLES).sort());
		expect(tables.twoFactor.fields).toHaveProperty('failedVerificationCount');
		expect(tables.passkey.fields).toHaveProperty('credentialID');
		expect(schemaDifferences(tables)).toEqual([]);
	});

	it('notices a field the library expects and we lack', () => {
		const auth = createAuth(h.db, testConfig());
		const tables = getAuthTables(auth.options);
		tables.twoFactor.fields.rememberedAt = { type: 'date', required: false };
		tables.user.fields.twoFactorEnabled = { type: 'string', required: false };
		expect(schemaDifferences(tables)).toEqual([
			'user.twoFactorEnabled: string expected, column is PgBoolean',
			'twoFactor.rememberedAt: no column'
		]);
	});

	it('signs in and reads every table through the adapter (no field dropped or missing)', async () => {
		const auth = createAuth(h.db, testConfig());
		const ctx = await auth.$context;
		for (const model of Object.keys(TABLES)) {
			await expect(ctx.adapter.findMany({ model, limit: 1 })).resolves.toBeInstanceOf(Array);
		}
	});
});

describe('cookies', () => {
	it('are __Host- on https: Secure, Path=/ and no Domain', async () => {
		const auth = createAuth(h.db, testConfig({ APP_ORIGIN: 'https://trellis.example.org' }));
		const ctx = await auth.$context;
		const c = ctx.authCookies.sessionToken;
		expect(c.name).toBe('__Host-trellis.session_token');
		expect(c.attributes).toMatchObject({ secure: true, path: '/', httpOnly: true });
		expect(c.attributes).not.toHaveProperty('domain');
		expect(ctx.createAuthCookie('two_factor').name).toBe('__Host-trellis.two_factor');
		expect(ctx.createAuthCookie('passkey_challenge').name).toBe('__Host-trellis.passkey_challenge');
	});

	it('keep plain names on http (the local demo), where a __Host- cookie would be dropped', () => {
		const o = cookieOptions(testConfig());
		expect(o).not.toHaveProperty('cookies');
		expect(o.defaultCookieAttributes.secure).toBe(false);
	});
});
