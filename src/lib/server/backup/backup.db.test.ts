import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { createAuth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { insertLiveEvents } from '../live/live-events.queries.ts';
import { backupDatabase } from './backup-database.ts';
import { restoreDatabase } from './restore-database.ts';
import { listTables, quoteIdent } from './backup.queries.ts';

const cfg = testConfig();
const handles: DbHandle[] = [];
let source: DbHandle;

beforeAll(async () => {
	source = await fresh();
});
afterAll(async () => {
	for (const h of handles.reverse()) await h.close();
});

async function fresh() {
	const h = await createTestDb();
	handles.push(h);
	return h;
}

/** Every row of every app table, as text, in a stable order. */
async function everything(sql: Sql) {
	const out: Record<string, string[]> = {};
	for (const t of await listTables(sql)) {
		const rows = await sql.unsafe<{ r: string }[]>(
			`select x::text as r from public.${quoteIdent(t.name)} x order by 1`
		);
		out[t.name] = rows.map((r) => r.r);
	}
	return out;
}

async function backupToText(sql: Sql) {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c) => chunks.push(c));
	const r = await backupDatabase(sql, out);
	out.end();
	return { text: Buffer.concat(chunks).toString('utf8'), ...r };
}

async function liveData(h: DbHandle) {
	const auth = createAuth(h.db, cfg);
	const l = await makeLiveSession(h.db, { cfg, auth, participants: 3 });
	await l.act({ type: 'start' });
	await l.answer(l.people[0], 'welcome', { word: 'hopeful\ttab "quoted" \\ back\nslash' });
	await l.answer(l.people[1], 'welcome', { word: 'Ukrainian: надія, Czech: naděje' });
	return l;
}

describe('backup and restore', () => {
	it('restores every table exactly as it was at the backup, and the copy goes on working', async () => {
		const l = await liveData(source);
		const before = await everything(source.raw);
		const b = await backupToText(source.raw);
		expect(b.rows).toBeGreaterThan(20);
		// Written after the backup: not in it.
		await l.answer(l.people[2], 'welcome', { word: 'later' });

		const target = await fresh();
		const r = await restoreDatabase(target.raw, Readable.from([b.text]));
		expect(r).toEqual({ ok: true, tables: b.tables, rows: b.rows });
		expect(await everything(target.raw)).toEqual(before);
		expect(Object.values(before).flat().length).toBe(b.rows);

		// Sequences moved past the restored ids: the next event gets a new one.
		const [{ max }] = await target.raw`select max(id)::int as max from live_events`;
		const [next] = await insertLiveEvents(target.db, [
			{ sessionId: l.s1.id, event: { kind: 'answered', payload: { blockId: 'welcome' } } }
		]);
		expect(next).toBeGreaterThan(max);
	});

	it('takes one consistent snapshot while writes go on', async () => {
		const h = await fresh();
		const l = await liveData(h);
		let writing = true;
		let written = 0;
		const writer = (async () => {
			while (writing) {
				// Two events per transaction: a snapshot holds both or neither.
				await h.db.transaction(async (tx) => {
					const pair = {
						kind: 'hidden',
						payload: { id: String(written), blockId: 'pair' }
					} as const;
					await insertLiveEvents(tx, [{ sessionId: l.s1.id, event: pair }]);
					await insertLiveEvents(tx, [{ sessionId: l.s1.id, event: pair }]);
				});
				written++;
			}
		})();
		await new Promise((r) => setTimeout(r, 100));
		const b = await backupToText(h.raw);
		await new Promise((r) => setTimeout(r, 100));
		writing = false;
		await writer;
		const target = await fresh();
		expect((await restoreDatabase(target.raw, Readable.from([b.text]))).ok).toBe(true);
		const [{ n }] =
			await target.raw`select count(*)::int as n from live_events where kind = 'hidden'`;
		expect(n % 2).toBe(0);
		expect(n).toBeGreaterThan(0);
		expect(n).toBeLessThan(written * 2);
	});

	it('refuses a database that holds data, and a file that is not a backup, changing nothing', async () => {
		const b = await backupToText(source.raw);
		const before = await everything(source.raw);
		expect(await restoreDatabase(source.raw, Readable.from([b.text]))).toEqual({
			ok: false,
			reason: 'not-empty'
		});
		expect(await everything(source.raw)).toEqual(before);

		const target = await fresh();
		expect(await restoreDatabase(target.raw, Readable.from(['hello\n']))).toEqual({
			ok: false,
			reason: 'not-a-backup'
		});
		// A file cut off in the middle of a table: the transaction rolls back, nothing stays.
		const cut =
			b.text.slice(0, b.text.indexOf('copy public."users"')) +
			`copy public."nope" ("id") from stdin;\n${randomUUID()}\n`;
		expect(await restoreDatabase(target.raw, Readable.from([cut]))).toMatchObject({
			ok: false,
			reason: 'unknown-table'
		});
		const rows = Object.values(await everything(target.raw)).flat();
		expect(rows).toEqual([]);
	});
});
