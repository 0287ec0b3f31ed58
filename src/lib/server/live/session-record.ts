import type { Db } from '../db/client.ts';
import type { LiveSubject } from './live-access.ts';
import { listRevealedBlockIds } from './session-record.queries.ts';
import { resultsFor, type Results } from './results.ts';

/**
 * What stays with a session: for each activity whose results were shown to the group, what
 * the group shared (counts and shared texts, never names). Answers kept "in my workbook
 * only", hidden contributions and never-revealed activities are not part of the record.
 */
export async function sessionRecord(db: Db, input: LiveSubject) {
	const blockIds = await listRevealedBlockIds(db, input.sessionId);
	const session = input.pkg.sessions.find((s) => s.structure.number === input.number)!;
	const text = session.text[input.locale] ?? session.text[input.pkg.course.sourceLocale];
	const out: {
		blockId: string;
		title: string;
		prompt: string | null;
		type: string;
		labels: Record<string, string>;
		columns: string[];
		results: Results;
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
