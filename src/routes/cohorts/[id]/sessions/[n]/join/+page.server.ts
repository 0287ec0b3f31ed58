import { error, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { log } from '#lib/server/log.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { recordRoomJoin } from '#lib/server/attendance/record-attendance.ts';
import { bbbCreateUrl, joinWindow, videoJoinUrl } from '#lib/server/video/join-session.ts';
import { audioFirst } from '#lib/server/live/audio-first.ts';
import type { Actions, PageServerLoad } from './$types';

/*
 * "Open the video room" records attendance and sends the person to the session's video
 * room (in audio-first mode with the camera off). It is a POST (a form button), so a link preview or prefetch never
 * marks anyone present.
 */
export const load: PageServerLoad = async ({ params }) => {
	redirect(303, `/cohorts/${params.id}`);
};

export const actions: Actions = {
	default: async ({ params, locals, cookies }) => {
		const { db } = await appContext();
		const { ctx, user, manages, enrolment } = await cohortAccess(db, locals, params.id);
		const s = ctx.sessions.find((x) => String(x.number) === params.n);
		if (!s) error(404, m.error_not_found());
		if (ctx.cohort.cancelledAt || joinWindow(s, new Date()) !== 'open') {
			error(409, m.cohort_join_closed());
		}
		if (enrolment?.status === 'enrolled') {
			await recordRoomJoin(db, { cohortSessionId: s.id, userId: user.id });
		} else if (!manages) {
			error(403, m.error_forbidden());
		}
		if (s.videoKind === 'bbb' && manages) {
			const create = bbbCreateUrl(s, ctx.cohort.name);
			// Creating an existing meeting is harmless in BigBlueButton; failure is logged only.
			if (create) {
				await fetch(create).catch((e) => log.warn({ err: String(e) }, 'bbb create failed'));
			}
		}
		const url = await videoJoinUrl(
			s,
			{ name: enrolment?.displayName || user.name, facilitator: manages },
			{ audioFirst: audioFirst(cookies) }
		);
		if (!url) redirect(303, `/cohorts/${params.id}?joined=${s.number}`);
		// Kit refuses external redirects unless told where to: only the configured video server.
		redirect(303, url, { external: [new URL(url).origin] });
	}
};
