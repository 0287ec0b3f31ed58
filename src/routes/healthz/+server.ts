import { json } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { ping } from '#lib/server/ops/health.queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { db, kind } = await appContext();
	try {
		await ping(db);
		return json({ status: 'ok', db: kind }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable', db: kind }, { status: 503 });
	}
};
