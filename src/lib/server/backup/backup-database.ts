import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql } from 'postgres';
import { listTables, quoteIdent, type TableInfo } from './backup.queries.ts';

export const BACKUP_FORMAT = 1;
export const HEADER_PREFIX = '-- trellis-backup ';

/**
 * Writes every row of the app's tables (schema `public`) to `out` as one consistent
 * snapshot, while the app keeps running: one REPEATABLE READ, READ ONLY transaction, COPY per
 * table. The file is a plain SQL script in pg_dump's style (a header, then `COPY … FROM stdin`
 * blocks ending in `\.`), so an operator with psql can read or load it too; the schema itself
 * comes from the migrations, which the header names. ADR 018 says why this and not a base
 * backup.
 */
export async function backupDatabase(
	sql: Sql,
	out: Writable
): Promise<{ tables: number; rows: number }> {
	let rows = 0;
	let tables: TableInfo[] = [];
	await sql.begin('isolation level repeatable read read only', async (tx) => {
		tables = await listTables(tx);
		const migrations = await tx<{ hash: string }[]>`
			select hash from drizzle.__drizzle_migrations order by id`;
		const header = {
			format: BACKUP_FORMAT,
			createdAt: new Date().toISOString(),
			migrations: migrations.map((m) => m.hash),
			tables: tables.map((t) => t.name)
		};
		await write(out, `${HEADER_PREFIX}${JSON.stringify(header)}\n`);
		await write(out, `set session_replication_role = replica;\n`);
		// One pipeline per table adds (and removes) its listeners on `out`.
		out.setMaxListeners(Math.max(out.getMaxListeners(), tables.length + 10));
		for (const t of tables) {
			const cols = t.columns.map(quoteIdent).join(', ');
			await write(out, `\ncopy public.${quoteIdent(t.name)} (${cols}) from stdin;\n`);
			const source = await tx
				.unsafe(`copy public.${quoteIdent(t.name)} (${cols}) to stdout`)
				.readable();
			let lines = 0;
			source.on('data', (chunk: Buffer) => {
				for (const b of chunk) if (b === 10) lines++;
			});
			await pipeline(source, out, { end: false });
			rows += lines;
			await write(out, `\\.\n`);
		}
	});
	return { tables: tables.length, rows };
}

async function write(out: Writable, text: string) {
	if (!out.write(text)) await once(out, 'drain');
}
