import type { LiveResults } from '#lib/live/live-events.ts';
import type { Db } from '../db/client.ts';
import type { LiveSubject } from './live-access.ts';
import { listRevealedResults } from './live-events.queries.ts';
import { resultsFor } from './results.ts';

/**
 * What stays with a session: for each activity whose results were shown to the group, what
 * the group shared (counts and shared texts, never names). Answers kept "in my workbook
 * only", hidden contributions and never-revealed activities are not part of the record.
 */
export async function sessionRecord(db: Db, input: LiveSubject) {
	const revealed = await listRevealedResults(db, input.sessionId);
	const blockIds = new Set(revealed.map((r) => r.blockId));
	const session = input.pkg.sessions.find((s) => s.structure.number === input.number)!;
	const text = session.text[input.locale] ?? session.text[input.pkg.course.sourceLocale];
	const out: {
		blockId: string;
		title: string;
		prompt: string | null;
		type: string;
		labels: Record<string, string>;
		columns: string[];
		results: LiveResults;
	}[] = [];
	for (const b of input.structure.blocks) {
		if (!b.activity || !blockIds.has(b.id)) continue;
		const bt = text.blocks[b.id];
		out.push({
			blockId: b.id,
			title: bt.title,
			prompt: bt.activity?.prompt ?? null,
			type: b.activity.type,
			labels: { ...bt.activity?.options, ...bt.activity?.cards, ...bt.activity?.columns },
			columns: 'columns' in b.activity ? b.activity.columns : [],
			results: await resultsFor(db, input.sessionId, b.id, b.activity)
		});
	}
	return out;
}
