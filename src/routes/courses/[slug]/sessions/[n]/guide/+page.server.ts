import { error, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { loadCourse, md, sessionIn } from '#lib/server/courses/course-view.ts';
import type { PageServerLoad } from './$types';

/* The facilitator guide is for facilitators (peer trainers included) and admins. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!locals.user) redirect(303, `/sign-in`);
	if (!locals.roles.facilitator && !locals.roles.admin) error(403, m.error_forbidden());
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
		title: t.title,
		total: s.structure.minutes,
		print: url.searchParams.has('print'),
		blocks: s.structure.blocks.map((b) => {
			const bt = t.blocks[b.id];
			const row = {
				id: b.id,
				kind: b.kind,
				start,
				minutes: b.minutes,
				title: bt.title,
				aim: bt.aim,
				participantHtml: md(bt.participant),
				contentNote: b.contentNote ? (bt.contentNote ?? null) : null,
				recallAgreements: b.recallAgreements,
				activity: b.activity ?? null,
				prompt: bt.activity?.prompt ?? null,
				labels: {
					...bt.activity?.options,
					...bt.activity?.cards,
					...bt.activity?.columns
				} as Record<string, string>,
				guide: {
					doHtml: md(bt.facilitator.do),
					timingHtml: md(bt.facilitator.timing),
					disclosureHtml: md(bt.facilitator.disclosure),
					coFacilitationHtml: md(bt.facilitator.coFacilitation)
				}
			};
			start += b.minutes;
			return row;
		})
	};
};
