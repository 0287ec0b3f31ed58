import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirInUseError, openDb } from './client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { ping } from '../ops/health.queries.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openDb', () => {
	it('applies the committed migrations', async () => {
		const h = await createTestDb();
		const r = await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
		const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { n: number }[];
		expect(rows[0].n).toBeGreaterThan(0);
		await h.close();
	});

	it.skipIf(!!process.env.TEST_DATABASE_URL)(
		'refuses a second opener of the same PGlite directory while the first keeps working',
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'trellis-lock-'));
			dirs.push(dir);
			const first = await openDb(`pglite:${dir}`);
			await expect(openDb(`pglite:${dir}`)).rejects.toBeInstanceOf(DataDirInUseError);
			await expect(ping(first.db)).resolves.toBeUndefined();
			await first.close();
			const again = await openDb(`pglite:${dir}`);
			await again.close();
		}
	);
});
