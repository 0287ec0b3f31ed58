import type { Block, Lead, SessionText } from '../courses/course-package.schema.ts';
import { joinOpensAt } from '../video/join-session.ts';

export type RunSheetPerson = { name: string; peerTrainer: boolean };

export type RunSheetRow = {
	id: string;
	kind: Block['kind'];
	title: string;
	startsAt: Date;
	endsAt: Date;
	minutes: number;
	/** The block's lead as the package says it, and the facilitators that means in this cohort. */
	lead: Lead | null;
	leads: string[];
	supports: string[];
	/** A breakout inside the block: its minutes, and the minutes around it (briefing, rooms). */
	breakout: { minutes: number; around: number; groupSize: number } | null;
	visual: string | null;
	caseTitle: string | null;
};

export type RunSheet = {
	opensAt: Date;
	startsAt: Date;
	endsAt: Date;
	rows: RunSheetRow[];
	breakMinutes: number;
	facilitators: RunSheetPerson[];
};

/**
 * A session's agenda as clock times from its start: each block's start and end, who leads it
 * and who supports, the breaks, and the minutes each breakout leaves for the briefing and for
 * opening and closing the rooms. "first" and "second" in the package are the cohort's
 * facilitators in the order the cohort lists them; with one facilitator, that person leads
 * everything, and with none the rows name nobody.
 */
export function runSheet(input: {
	blocks: Block[];
	text: SessionText;
	startsAt: Date;
	facilitators: RunSheetPerson[];
}): RunSheet {
	const [a, b] = input.facilitators;
	const names = (lead: Lead | undefined) => {
		const first = a?.name;
		const second = b?.name ?? a?.name;
		if (!lead || lead === 'both') return { leads: [first, b?.name], supports: [] };
		return lead === 'first'
			? { leads: [first], supports: [b?.name] }
			: { leads: [second], supports: b ? [first] : [] };
	};
	let at = input.startsAt.getTime();
	const rows = input.blocks.map((block): RunSheetRow => {
		const startsAt = new Date(at);
		at += block.minutes * 60_000;
		const who = names(block.lead);
		const clean = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
		const bt = input.text.blocks[block.id];
		return {
			id: block.id,
			kind: block.kind,
			title: bt?.title ?? block.id,
			startsAt,
			endsAt: new Date(at),
			minutes: block.minutes,
			lead: block.lead ?? null,
			leads: clean(who.leads),
			supports: clean(who.supports).filter((s) => !clean(who.leads).includes(s)),
			breakout:
				block.activity?.type === 'breakout'
					? {
							minutes: block.activity.minutes,
							around: block.minutes - block.activity.minutes,
							groupSize: block.activity.groupSize
						}
					: null,
			visual: block.visual ? (input.text.visuals?.[block.visual]?.title ?? null) : null,
			caseTitle: block.case ? (input.text.cases?.[block.case]?.title ?? null) : null
		};
	});
	return {
		opensAt: joinOpensAt({ startsAt: input.startsAt }),
		startsAt: input.startsAt,
		endsAt: new Date(at),
		rows,
		breakMinutes: input.blocks.filter((x) => x.kind === 'break').reduce((n, x) => n + x.minutes, 0),
		facilitators: input.facilitators
	};
}
