import { error, json } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { liveAccess, liveSubject } from '#lib/server/live/live-access.ts';
import { sessionRecord } from '#lib/server/live/session-record.ts';
import type { RequestHandler } from './$types';

/* The facilitators' export of what the group shared: the same content as the record page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	if (!a.facilitator) error(403, m.error_forbidden());
	const record = await sessionRecord(db, liveSubject(a, locals.locale));
	return json(
		{ cohort: a.ctx.cohort.name, session: a.session.number, startsAt: a.session.startsAt, record },
		{
			headers: {
				'content-disposition': `attachment; filename="session-${a.session.number}-record.json"`,
				'cache-control': 'private, no-store'
			}
		}
	);
};
