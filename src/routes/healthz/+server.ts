import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { appContext } from '#lib/server/context.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { db, kind } = await appContext();
	try {
		await db.execute(sql`select 1`);
		return json({ status: 'ok', db: kind }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable', db: kind }, { status: 503 });
	}
};
