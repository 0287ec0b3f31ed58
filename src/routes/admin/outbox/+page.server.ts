import { appContext } from '#lib/server/context.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { listOutbox } from '#lib/server/email/outbox.queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const admin = requireAdmin(locals);
	const { db } = await appContext();
	return { emails: await listOutbox(db), timeZone: admin.timeZone };
};
