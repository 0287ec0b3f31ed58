import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import type { Sql } from 'postgres';
import { BACKUP_FORMAT, HEADER_PREFIX } from './backup-database.ts';
import { countAppRows, listTables, resetSequences } from './backup.queries.ts';

export type RestoreResult =
	| { ok: true; tables: number; rows: number }
	| {
			ok: false;
			reason: 'not-a-backup' | 'newer-format' | 'not-empty' | 'unknown-table';
			detail?: string;
	  };

const COPY_LINE = /^copy public\."((?:[^"]|"")+)" \((.*)\) from stdin;$/;

/**
 * Loads a file written by backupDatabase into `sql`'s database, which must already carry the
 * current migrations and hold no rows. Everything goes in one transaction: a restore that
 * fails half-way leaves the database as empty as it was. Columns are named in the file, so a
 * backup made before a later migration added a column still loads (the column takes its
 * default).
 */
export async function restoreDatabase(sql: Sql, input: Readable): Promise<RestoreResult> {
	const lines = createInterface({ input, crlfDelay: Infinity });
	const it = lines[Symbol.asyncIterator]();
	const first = await it.next();
	if (first.done || !first.value.startsWith(HEADER_PREFIX)) {
		return { ok: false, reason: 'not-a-backup' };
	}
	let header: { format: number };
	try {
		header = JSON.parse(first.value.slice(HEADER_PREFIX.length));
	} catch {
		return { ok: false, reason: 'not-a-backup' };
	}
	if (header.format > BACKUP_FORMAT) return { ok: false, reason: 'newer-format' };

	const known = new Set((await listTables(sql)).map((t) => t.name));
	if ((await countAppRows(sql)) > 0) return { ok: false, reason: 'not-empty' };

	let tables = 0;
	let rows = 0;
	class Refused extends Error {
		result: RestoreResult;
		constructor(result: RestoreResult) {
			super(result.ok ? 'ok' : result.reason);
			this.result = result;
		}
	}
	try {
		await sql.begin(async (tx) => {
			// References and triggers are checked by nobody while tables arrive one by one; the rows
			// were consistent in the snapshot they came from.
			await tx`set local session_replication_role = replica`;
			for (;;) {
				const next = await it.next();
				if (next.done) break;
				const line = next.value;
				if (line === '' || line.startsWith('--') || line.startsWith('set ')) continue;
				const m = COPY_LINE.exec(line);
				if (!m) throw new Refused({ ok: false, reason: 'not-a-backup', detail: line.slice(0, 80) });
				const table = m[1].replaceAll('""', '"');
				if (!known.has(table)) {
					throw new Refused({ ok: false, reason: 'unknown-table', detail: table });
				}
				const target: Writable = await tx.unsafe(line.replace(/;$/, '')).writable();
				for (;;) {
					const row = await it.next();
					if (row.done || row.value === '\\.') break;
					rows++;
					if (!target.write(`${row.value}\n`)) await once(target, 'drain');
				}
				target.end();
				await once(target, 'finish');
				await resetSequences(tx, table);
				tables++;
			}
		});
	} catch (e) {
		if (e instanceof Refused) return e.result;
		throw e;
	}
	return { ok: true, tables, rows };
}
