import { appContext } from '#lib/server/context.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { listOutbox } from '#lib/server/notifications/outbox.queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const admin = requireAdmin(locals);
	const { db, cfg } = await appContext();
	return {
		emails: await listOutbox(db),
		timeZone: admin.timeZone,
		// The zero-setup demo keeps links readable here (enqueue-email.ts); the page says so.
		demoLinks: !cfg.SMTP_URL && cfg.NODE_ENV !== 'production'
	};
};
