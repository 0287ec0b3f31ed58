import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { loadSessionOr404, md } from '#lib/server/courses/course-view.ts';
import { handoutOf } from '#lib/server/handouts/handout.ts';
import type { PageServerLoad } from './$types';

/* A session's participant material on one printable page, in the viewer's language. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { n, course: c } = await loadSessionOr404(db, params.slug, params.n, locals.locale);
	const h = handoutOf(c.pkg, n, c.locale);
	if (!h) error(404, m.error_not_found());
	return {
		slug: params.slug,
		lang: h.lang,
		courseTitle: h.courseTitle,
		number: h.number,
		title: h.title,
		aims: h.aims,
		keyIdeas: h.keyIdeas,
		readingHtml: md(h.reading),
		reflection: h.reflection,
		taskHtml: md(h.task),
		sources: h.sources,
		footer: h.labels.footer
	};
};
