import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { getDbHandle } from '#lib/server/db/index.ts';
import { liveAccess, liveSubject, roomPhase } from '#lib/server/live/live-access.ts';
import { liveHub } from '#lib/server/live/live-hub.ts';
import { openEventStream, parseLastEventId } from '#lib/server/live/open-event-stream.ts';
import { eventStreamSocket } from '#lib/server/live/socket-sink.ts';
import type { RequestHandler } from './$types';

/*
 * The session's event stream (ADR 014): access is checked here on every (re)connect; replay
 * and ordering live in openEventStream.
 */
export const GET: RequestHandler = async ({ params, locals, request, url, platform }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	// Participants follow a room from its join window on (the browser keeps trying until then).
	if (!a.manages && roomPhase(a.session) === 'preview') error(409, m.live_room_not_open());
	return openEventStream(
		db,
		await liveHub(getDbHandle),
		{
			sessionId: params.sessionId,
			viewer: {
				facilitator: a.facilitator,
				enrolmentId: a.enrolmentId,
				userId: a.user.id,
				// The room's script asks for shared panels (ADR 025); participants only, since a
				// facilitator's own room view shows results before they are revealed.
				panels:
					url.searchParams.get('panels') === '1' && a.enrolmentId && !a.facilitator
						? { subject: liveSubject(a, locals.locale), timeZone: a.user.timeZone }
						: null
			},
			lastEventId: parseLastEventId(
				request.headers.get('last-event-id'),
				url.searchParams.get('lastEventId')
			)
		},
		// Under the production server, frames go straight to the socket (socket-sink.ts).
		eventStreamSocket(platform)
	);
};
