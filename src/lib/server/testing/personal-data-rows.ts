import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { PERSONAL_DATA_INVENTORY } from '../privacy/personal-data-inventory.ts';

/** Rows of a table whose column holds one of the values (raw SQL: the inventory names them). */
export async function countRowsWhere(db: Db, table: string, column: string, values: string[]) {
	if (!values.length) return 0;
	const rows = await db.execute<{ n: number }>(
		sql`select count(*)::int as n from ${sql.identifier(table)} where lower(${sql.identifier(column)}::text) in (${sql.join(
			values.map((v) => sql`${v.toLowerCase()}`),
			sql`, `
		)})`
	);
	return (rows as unknown as { n: number }[])[0].n;
}

async function countRows(db: Db, table: string) {
	const rows = await db.execute<{ n: number }>(
		sql`select count(*)::int as n from ${sql.identifier(table)}`
	);
	return (rows as unknown as { n: number }[])[0].n;
}

/** The row count of every table the personal data inventory names, to compare before and after. */
export async function countPersonalDataRows(db: Db) {
	const tables = [...new Set(PERSONAL_DATA_INVENTORY.map((e) => e.table))];
	const out: Record<string, number> = {};
	for (const t of tables) out[t] = await countRows(db, t);
	return out;
}
