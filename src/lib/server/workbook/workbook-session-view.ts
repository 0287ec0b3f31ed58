import type { Db } from '../db/client.ts';
import type { CohortContext } from '../cohorts/cohort-context.ts';
import { md } from '../courses/course-view.ts';
import { listOwnLiveAnswers } from './workbook.queries.ts';

/**
 * What a workbook's session section shows around the person's own entries: the session's
 * reading, reflection question and task from the cohort's pinned course version in the
 * person's language, and what they answered in that session's live activities: kept to
 * themselves, or shared with the group (which never carried their name). Only the viewer's
 * own place is read.
 */
/* The course texts are fixed per pinned version: rendered once per version, session and language. */
const rendered = new Map<string, { reading: string; reflection: string; task: string }>();

export async function workbookSessionView(
	db: Db,
	ctx: CohortContext,
	n: number,
	locale: string,
	enrolmentId: string | null
) {
	const session = ctx.pkg.sessions.find((s) => s.structure.number === n);
	if (!session) return undefined;
	const text = session.text[locale] ?? session.text[ctx.pkg.course.sourceLocale];
	const cohortSession = ctx.sessions.find((s) => s.number === n);
	const live: { title: string; text: string; shared: boolean; cards: boolean }[] = [];
	if (cohortSession && enrolmentId) {
		for (const a of await listOwnLiveAnswers(db, cohortSession.id, enrolmentId)) {
			const block = session.structure.blocks.find((b) => b.id === a.blockId);
			const bt = text.blocks[a.blockId];
			if (!block?.activity || !bt) continue;
			const p = a.payload as Record<string, unknown>;
			const labels: Record<string, string> = {
				...bt.activity?.options,
				...bt.activity?.cards,
				...bt.activity?.columns
			};
			const words: string[] = [];
			if (typeof p.word === 'string') words.push(p.word);
			if (typeof p.scale === 'number') words.push(String(p.scale));
			for (const key of ['words', 'options', 'cards'] as const) {
				if (Array.isArray(p[key])) words.push(...(p[key] as string[]).map((w) => labels[w] ?? w));
			}
			if (typeof p.column === 'string') words.push(`${labels[p.column] ?? p.column}:`);
			if (typeof p.text === 'string') words.push(p.text);
			if (!words.length) continue;
			live.push({
				title: bt.title,
				text: words.join(Array.isArray(p.words) || Array.isArray(p.cards) ? ', ' : ' '),
				shared: a.shared,
				cards: block.activity.type === 'strengths-cards'
			});
		}
	}
	const key = `${ctx.cohort.courseVersionId}:${n}:${locale}`;
	let html = rendered.get(key);
	if (!html) {
		html = {
			reading: md(text.between.reading),
			reflection: md(text.between.reflection),
			task: md(text.between.task)
		};
		rendered.set(key, html);
	}
	return { title: text.title, ...html, live };
}
