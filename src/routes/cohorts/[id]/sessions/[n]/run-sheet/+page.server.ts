import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { courseTitle } from '#lib/server/cohorts/cohort-context.ts';
import { listFacilitators } from '#lib/server/cohorts/cohorts.queries.ts';
import { runSheet } from '#lib/server/schedule/run-sheet.ts';
import { crisisProcedureFor } from '#lib/server/safety/crisis-procedure-view.ts';
import type { PageServerLoad } from './$types';

/*
 * The run sheet of one session of a cohort, for its facilitators and admins: the cohort's own
 * course version, clock times in the cohort's time zone from the session's start, who leads.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx } = await requireManager(db, locals, params.id);
	const s = ctx.sessions.find((x) => String(x.number) === params.n);
	const session = ctx.pkg.sessions.find((x) => String(x.structure.number) === params.n);
	if (!s || !session) error(404, m.error_not_found());
	const locale = session.text[locals.locale] ? locals.locale : ctx.pkg.course.sourceLocale;
	const text = session.text[locale];
	const people = await listFacilitators(db, ctx.cohort.id);
	const sheet = runSheet({
		blocks: session.structure.blocks,
		text,
		startsAt: s.startsAt,
		facilitators: people.map((p) => ({ name: p.name, peerTrainer: p.peerTrainer }))
	});
	return {
		lang: locale,
		cohortId: ctx.cohort.id,
		cohortName: ctx.cohort.name,
		courseSlug: ctx.courseSlug,
		courseTitle: courseTitle(ctx, locale),
		version: ctx.version,
		number: s.number,
		title: text.title,
		timeZone: ctx.cohort.timeZone,
		cancelled: !!s.cancelledAt || !!ctx.cohort.cancelledAt,
		sessionId: s.id,
		sheet,
		crisisProcedure: await crisisProcedureFor(
			db,
			ctx.cohort.organisationId,
			locals.locale,
			ctx.cohort.timeZone
		)
	};
};
