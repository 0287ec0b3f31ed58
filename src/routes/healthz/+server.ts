import { json } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { pingDatabase } from '#lib/server/ops/health.queries.ts';
import { diskFull } from '#lib/server/ops/disk-full.ts';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'no-store' };

export const GET: RequestHandler = async () => {
	const { db, kind } = await appContext();
	try {
		await pingDatabase(db);
	} catch {
		return json({ status: 'unavailable', db: kind }, { status: 503, headers: noStore });
	}
	if (diskFull()) {
		return json(
			{ status: 'unavailable', db: kind, reason: 'no space left' },
			{ status: 503, headers: noStore }
		);
	}
	return json({ status: 'ok', db: kind }, { headers: noStore });
};
