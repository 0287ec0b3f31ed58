import { error, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { loadSessionOr404, md } from '#lib/server/courses/course-view.ts';
import { visualFor } from '#lib/server/courses/course-visuals.ts';
import { crisisPanelHere } from '#lib/server/safety/crisis-panel.ts';
import { crisisProcedureFor } from '#lib/server/safety/crisis-procedure-view.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import type { PageServerLoad } from './$types';

/* The facilitator guide is for facilitators (peer trainers included) and admins. */
export const load: PageServerLoad = async ({ params, locals }) => {
	if (!locals.user) redirect(303, `/sign-in`);
	if (!locals.roles.facilitator && !locals.roles.admin) error(403, m.error_forbidden());
	const { db } = await appContext();
	const {
		n,
		course: c,
		session: s,
		text: t
	} = await loadSessionOr404(db, params.slug, params.n, locals.locale);
	let start = 0;
	const firstBlockOf = new Map<string, string>();
	for (const b of s.structure.blocks) {
		if (b.case && !firstBlockOf.has(b.case)) firstBlockOf.set(b.case, b.id);
	}
	return {
		crisis: await crisisPanelHere(db, locals.locale, locals.user),
		crisisProcedure: await crisisProcedureFor(
			db,
			(await currentOrganisation(db)).id,
			locals.locale,
			locals.user.timeZone
		),
		isAdmin: locals.roles.admin,
		slug: params.slug,
		lang: c.locale,
		courseTitle: c.pkg.text[c.locale].title,
		version: c.version,
		// Authors and facilitators see whether the text they read has been reviewed.
		translation:
			c.locale === c.pkg.course.sourceLocale
				? { status: 'source' as const, outdated: false }
				: {
						status: t.translation?.status ?? 'draft',
						outdated:
							!!c.pkg.sourceHashes && t.translation?.sourceHash !== c.pkg.sourceHashes[s.folder]
					},
		number: n,
		title: t.title,
		lists: Object.entries(t.lists ?? {}).map(([id, l]) => ({
			id,
			title: l.title,
			bodyHtml: md(l.body)
		})),
		mixedGroupsHtml: md(c.pkg.text[c.locale].mixedGroups),
		total: s.structure.minutes,
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
				visual: visualFor(s, t.visuals, b.visual, `visual-${b.id}`),
				lead: b.lead ?? null,
				// A case is printed once, at the first part that uses it; later parts link to it.
				caseSheet:
					b.case && t.cases?.[b.case]
						? {
								id: b.case,
								title: t.cases[b.case].title,
								firstAt: firstBlockOf.get(b.case) ?? b.id,
								sheetHtml: firstBlockOf.get(b.case) === b.id ? md(t.cases[b.case].sheet) : '',
								notesHtml: firstBlockOf.get(b.case) === b.id ? md(t.cases[b.case].notes) : ''
							}
						: null,
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
