import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { listAuditEvents } from '#lib/server/audit/audit-events.queries.ts';
import { AUDIT_ACTIONS, isAuditAction } from '#lib/server/audit/audit-actions.ts';
import type { PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const admin = requireAdmin(locals);
	const action = url.searchParams.get('action') || undefined;
	const beforeParam = url.searchParams.get('before') || undefined;
	const before = beforeParam ? new Date(beforeParam) : undefined;
	if ((action && !isAuditAction(action)) || (before && Number.isNaN(before.getTime()))) {
		error(400, m.audit_error_filter());
	}
	const { db } = await appContext();
	// One more than a page tells whether there is an older page, without counting the log.
	const rows = await listAuditEvents(db, { limit: PAGE + 1, before, action });
	const events = rows.slice(0, PAGE);
	return {
		events,
		actions: AUDIT_ACTIONS,
		action: action ?? '',
		paged: !!before,
		older: rows.length > PAGE ? events[events.length - 1].at.toISOString() : null,
		timeZone: admin.timeZone
	};
};
