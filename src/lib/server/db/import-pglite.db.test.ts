import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createAuth } from '../auth/auth.ts';
import { testConfig } from '../testing/test-db.ts';
import { seedDemo, DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_PEOPLE } from '../bootstrap/seed-demo.ts';
import { insertOrganisation } from '../organisations/organisations.queries.ts';
import * as schema from './schema/index.ts';
import { openDb, type Db } from './client.ts';
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from './embedded-postgres.ts';
import { importPgliteData } from './import-pglite.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const quiet = { info: () => {}, warn: () => {} };
const cfg = testConfig();

/** What db/index.ts does at start, on `dir`. */
async function startOn(dir: string) {
	const server = await startEmbeddedPostgres({ dataDir: dir, log: quiet });
	const url = server.url(EMBEDDED_DATABASE);
	const h = await openDb(url);
	const imported = server.legacyPglite
		? await importPgliteData(dir, h, { migrationsFolder: 'drizzle', log: quiet })
		: undefined;
	return { h, imported, stop: async () => (await h.close(), await server.stop()) };
}

async function tableRows(query: (q: string) => Promise<{ r: string }[]>, table: string) {
	return (await query(`select x::text as r from "${table}" x order by 1`)).map((x) => x.r);
}

describe('a data directory written by the PGlite version', () => {
	it('is imported once, every row kept, and the old files kept aside', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'trellis-pglite-'));
		dirs.push(dir);
		// What the previous Trellis left in ./data: PGlite's files, the demo seeded.
		const old = new PGlite(dir);
		const oldDb = drizzle(old, { schema }) as unknown as Db;
		await migrate(drizzle(old), { migrationsFolder: 'drizzle' });
		const org = await insertOrganisation(oldDb, { slug: 'demo', name: 'Demo Recovery College' });
		await seedDemo(oldDb, createAuth(oldDb, cfg), org.id);
		const tables = (
			await old.query<{ name: string }>(
				`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
			)
		).rows.map((r) => r.name);
		const before: Record<string, string[]> = {};
		for (const t of tables) {
			before[t] = await tableRows(async (q) => (await old.query<{ r: string }>(q)).rows, t);
		}
		await old.close();

		const first = await startOn(dir);
		try {
			expect(first.imported?.tables).toBe(tables.length);
			for (const t of tables) {
				expect(await tableRows((q) => first.h.raw.unsafe(q), t), t).toEqual(before[t]);
			}
			// The advertised demo admin signs in on the new engine.
			const auth = createAuth(first.h.db, cfg);
			const res = await auth.api.signInEmail({
				body: { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD }
			});
			expect(res.user.email).toBe(DEMO_ADMIN_EMAIL);
			expect(before.users).toHaveLength(DEMO_PEOPLE.length);
		} finally {
			await first.stop();
		}
		const backups = readdirSync(dir).filter((n) => n.startsWith('pglite-backup-'));
		expect(backups).toHaveLength(1);
		expect(existsSync(join(dir, backups[0], 'PG_VERSION'))).toBe(true);
		expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);

		// The next start finds nothing to import and the data still there.
		const second = await startOn(dir);
		try {
			expect(second.imported).toBeUndefined();
			expect(await tableRows((q) => second.h.raw.unsafe(q), 'users')).toEqual(before.users);
		} finally {
			await second.stop();
		}
	});
});
