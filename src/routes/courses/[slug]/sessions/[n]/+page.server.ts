import { appContext } from '#lib/server/context.ts';
import { loadSessionOr404, md } from '#lib/server/courses/course-view.ts';
import { visualFor } from '#lib/server/courses/course-visuals.ts';
import { crisisPanelHere } from '#lib/server/safety/crisis-panel.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const {
		n,
		course: c,
		session: s,
		text: t
	} = await loadSessionOr404(db, params.slug, params.n, locals.locale);
	let start = 0;
	return {
		crisis: await crisisPanelHere(db, locals.locale, locals.user),
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
				contentNote: b.contentNote ? bt.contentNote : null,
				visual: visualFor(s, t.visuals, b.visual, `visual-${b.id}`)
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
