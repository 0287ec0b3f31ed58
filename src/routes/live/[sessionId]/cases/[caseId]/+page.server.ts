import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { liveAccess } from '#lib/server/live/live-access.ts';
import { caseSheet } from '#lib/server/courses/course-cases.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

/*
 * A case sheet on its own page, to keep open beside the video call during a breakout (a phone
 * included). Everyone in the room reads the sheet; facilitators also get their notes.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	const st = a.structure;
	const locale = st.text[locals.locale] ? locals.locale : a.ctx.pkg.course.sourceLocale;
	const sheet = caseSheet(st.structure, st.text[locale], params.caseId);
	if (!sheet) error(404, m.error_not_found());
	return {
		lang: locale,
		sessionId: a.session.id,
		number: a.session.number,
		title: sheet.title,
		sheetHtml: sheet.sheetHtml,
		notesHtml: a.facilitator ? sheet.notesHtml : null
	};
};
