import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { loadCourse, md, sessionIn } from '#lib/server/courses/course-view.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const n = Number(params.n);
	if (!Number.isInteger(n) || n < 1 || n > 20) error(404, m.error_not_found());
	const { db } = await appContext();
	const c = await loadCourse(db, params.slug, locals.locale);
	const s = c && sessionIn(c.pkg, n);
	if (!c || !s) error(404, m.error_not_found());
	const t = s.text[c.locale] ?? s.text[c.pkg.course.sourceLocale];
	let start = 0;
	return {
		slug: params.slug,
		lang: c.locale,
		courseTitle: c.pkg.text[c.locale].title,
		number: n,
		count: c.pkg.sessions.length,
		title: t.title,
		aims: t.aims,
		whatToExpectHtml: md(t.whatToExpect),
		agenda: s.structure.blocks.map((b) => {
			const bt = t.blocks[b.id];
			const row = {
				id: b.id,
				kind: b.kind,
				start,
				minutes: b.minutes,
				title: bt.title,
				contentNote: b.contentNote ? bt.contentNote : null
			};
			start += b.minutes;
			return row;
		}),
		between: {
			readingHtml: md(t.between.reading),
			reflection: t.between.reflection,
			taskHtml: md(t.between.task)
		},
		sources: s.structure.sources,
		canSeeGuide: locals.roles.facilitator || locals.roles.admin
	};
};
