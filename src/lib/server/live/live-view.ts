import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { md } from '../courses/course-view.ts';
import { caseSheet } from '../courses/course-cases.ts';
import type { LiveSubject } from './live-access.ts';
import { findLiveState, findPersonalSnapshot } from './live.queries.ts';
import { publicState } from './facilitate.ts';
import { resultsFor } from './results.ts';
import { listEnrolmentsWithPeople } from '../enrolment/enrolment.queries.ts';

export type LiveView = Awaited<ReturnType<typeof liveView>>;

/* What findPersonalSnapshot says of a viewer who is nobody in particular. */
const NO_SNAPSHOT: Awaited<ReturnType<typeof findPersonalSnapshot>> = {
	mine: null,
	moment: null,
	lastEventId: 0,
	own: { answered: [], passed: [] }
};

/**
 * What a live view shows now, read fresh on every load: a browser without JavaScript
 * reloads to see it, a browser with JavaScript reloads it when an event arrives.
 */
export async function liveView(
	db: Db,
	input: LiveSubject & {
		enrolmentId: string | null;
		facilitator: boolean;
		/**
		 * False for the shared panel (ADR 025): it shows nobody's own answers and no event id,
		 * so the per-viewer read is skipped (one query less per session and event) and
		 * `lastEventId` is 0.
		 */
		snapshot?: boolean;
	}
) {
	const src = input.pkg.course.sourceLocale;
	const session = input.pkg.sessions.find((s) => s.structure.number === input.number)!;
	const text = session.text[input.locale] ?? session.text[src];
	const row = await findLiveState(db, input.sessionId);
	const state = publicState(
		row ?? { blockIndex: 0, blockStartedAt: new Date(), activity: null, timerEndsAt: null }
	);
	const blocks = input.structure.blocks;
	const block = blocks[state.blockIndex];
	const bt = text.blocks[block.id];
	const running = state.activity && state.activity.blockId === block.id ? state.activity : null;
	const def = running ? block.activity : undefined;
	const labels: Record<string, string> = {
		...bt.activity?.options,
		...bt.activity?.cards,
		...bt.activity?.columns
	};
	const personal =
		input.snapshot === false
			? NO_SNAPSHOT
			: await findPersonalSnapshot(db, {
					sessionId: input.sessionId,
					blockId: running ? block.id : null,
					enrolmentId: input.enrolmentId
				});
	let breakout: {
		mine: { n: number; members: string[] } | null;
		groups: { n: number; members: { id: string; name: string }[] }[] | null;
	} | null = null;
	if (row?.breakout && row.breakout.blockId === block.id) {
		const people = await listEnrolmentsWithPeople(db, input.cohortId);
		const name = new Map(people.map((p) => [p.id, p.displayName || p.name]));
		const named = row.breakout.groups.map((g) => ({
			n: g.n,
			members: g.members.map((id) => name.get(id) ?? '?')
		}));
		const mine = row.breakout.groups.find(
			(g) => input.enrolmentId && g.members.includes(input.enrolmentId)
		);
		breakout = {
			mine: mine ? named.find((g) => g.n === mine.n)! : null,
			groups: input.facilitator
				? row.breakout.groups.map((g) => ({
						n: g.n,
						members: g.members.map((id) => ({ id, name: name.get(id) ?? '?' }))
					}))
				: null
		};
	}
	const showResults = !!running && (running.revealed || input.facilitator);
	// A fictional case sheet the current part works with, to read during the breakout.
	const sheet = caseSheet(input.structure, text, block.case);
	return {
		started: !!row,
		/** When a facilitator began the session (null until then). */
		startedAt: row?.startedAt.toISOString() ?? null,
		state,
		lastEventId: personal.lastEventId,
		clientId: randomUUID(),
		title: text.title,
		block: {
			id: block.id,
			index: state.blockIndex,
			count: blocks.length,
			kind: block.kind,
			minutes: block.minutes,
			title: bt.title,
			participantHtml: md(bt.participant),
			contentNote: block.contentNote ? (bt.contentNote ?? null) : null,
			recallAgreements: block.recallAgreements
		},
		activity:
			running && def ? { ...running, def, prompt: bt.activity?.prompt ?? null, labels } : null,
		mine: personal.mine,
		own: personal.own,
		results: showResults && def ? await resultsFor(db, input.sessionId, block.id, def) : null,
		breakout,
		/** Where a participant answers the session's feedback pulse (offered in the last part). */
		number: input.number,
		pulseHref: `/cohorts/${input.cohortId}/sessions/${input.number}/pulse`,
		caseSheet: sheet ? { id: sheet.id, title: sheet.title, sheetHtml: sheet.sheetHtml } : null,
		moment: personal.moment,
		agenda: blocks.map((b) => ({
			id: b.id,
			minutes: b.minutes,
			title: text.blocks[b.id].title,
			hasActivity: !!b.activity,
			activityType: b.activity?.type ?? null
		}))
	};
}
