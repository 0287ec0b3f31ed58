import type { Db } from '../db/client.ts';
import type { CohortContext } from '../cohorts/cohort-context.ts';
import { md } from '../courses/course-view.ts';
import { countOwnEntriesBySession } from './workbook.queries.ts';

/**
 * What the schedule shows a participant with their next session: the task from the session
 * before it (from the cohort's pinned course version, in their language) and how many entries
 * they have written for it. Only ever about the person asking; nothing before the first
 * session or after the last.
 */
export async function betweenSessions(
	db: Db,
	ctx: CohortContext,
	userId: string,
	locale: string,
	now: Date
) {
	const next = ctx.sessions.find((s) => !s.cancelledAt && s.startsAt.getTime() > now.getTime());
	if (!next || next.number === 1) return null;
	const last = next.number - 1;
	const session = ctx.pkg.sessions.find((s) => s.structure.number === last);
	if (!session) return null;
	const text = session.text[locale] ?? session.text[ctx.pkg.course.sourceLocale];
	const written = (await countOwnEntriesBySession(db, ctx.cohort.id, userId)).get(last) ?? 0;
	return { next: next.number, last, task: md(text.between.task), written };
}
