import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { calendarFeedFor } from '#lib/server/calendar/calendar-feed.ts';
import type { RequestHandler } from './$types';

/* A calendar app fetches this without cookies; the unguessable token is the only key. */
export const GET: RequestHandler = async ({ params }) => {
	const token = params.file.replace(/\.ics$/, '');
	const { db, cfg } = await appContext();
	const body = await calendarFeedFor(db, cfg, token);
	if (!body) error(404, m.error_not_found());
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
