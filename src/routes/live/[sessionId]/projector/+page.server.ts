import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { liveAccess, liveSubject } from '#lib/server/live/live-access.ts';
import { liveView } from '#lib/server/live/live-view.ts';
import { visualFor } from '#lib/server/courses/course-visuals.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

/* For a facilitator to share into the video call: the prompt, the timer, revealed results only. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	if (!a.facilitator) error(403, m.error_forbidden());
	const view = await liveView(db, {
		...liveSubject(a, locals.locale),
		enrolmentId: null,
		// The projector shows what participants see: results only once revealed.
		facilitator: false
	});
	// The drawing of the block the facilitator has reached, from the cohort's own course version.
	const session = a.structure;
	const text = session.text[locals.locale] ?? session.text[a.ctx.pkg.course.sourceLocale];
	const block = session.structure.blocks.find((b) => b.id === view.block.id);
	const visual = visualFor(session, text.visuals, block?.visual, 'projector');
	return {
		sessionId: a.session.id,
		number: a.session.number,
		timeZone: a.user.timeZone,
		view,
		visual
	};
};
