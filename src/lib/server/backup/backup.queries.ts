import type { Sql, TransactionSql } from 'postgres';

export type TableInfo = { name: string; columns: string[] };

export function quoteIdent(name: string) {
	return `"${name.replaceAll('"', '""')}"`;
}

/** The app's tables in `public`, with their columns in order (generated columns left out). */
export async function listTables(q: Sql | TransactionSql): Promise<TableInfo[]> {
	const rows = await q<{ name: string; columns: string[] }[]>`
		select c.relname as name,
			array_agg(a.attname::text order by a.attnum) as columns
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
		where n.nspname = 'public' and c.relkind in ('r', 'p')
		group by c.relname
		order by c.relname`;
	return rows.map((r) => ({ name: r.name, columns: r.columns }));
}

/** Moves every sequence owned by a column of `table` past the largest value in it. */
export async function resetSequences(q: Sql | TransactionSql, table: string) {
	const seqs = await q<{ col: string; seq: string }[]>`
		select a.attname as col, pg_get_serial_sequence(${quoteIdent(table)}, a.attname) as seq
		from pg_attribute a
		where a.attrelid = ${quoteIdent(table)}::regclass and a.attnum > 0 and not a.attisdropped
			and pg_get_serial_sequence(${quoteIdent(table)}, a.attname) is not null`;
	for (const { col, seq } of seqs) {
		await q.unsafe(
			`select setval($1, coalesce((select max(${quoteIdent(col)}) from ${quoteIdent(table)}), 0) + 1, false)`,
			[seq]
		);
	}
}

/** Rows in the app's tables, all together (a restore goes only into an empty database). */
export async function countAppRows(q: Sql | TransactionSql): Promise<number> {
	let n = 0;
	for (const t of await listTables(q)) {
		const [r] = await q.unsafe<{ n: number }[]>(
			`select count(*)::int as n from public.${quoteIdent(t.name)}`
		);
		n += r.n;
	}
	return n;
}
