import { connect } from './client.ts';

/** Creates `name` on the server at `adminUrl` unless it exists (optionally from a template). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
	const sql = await connect(adminUrl, { max: 1 });
	try {
		const [row] = await sql`select 1 as ok from pg_database where datname = ${name}`;
		if (row) return false;
		await sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
		return true;
	} finally {
		await sql.end({ timeout: 5 });
	}
}
