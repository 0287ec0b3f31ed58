import type { Db } from '../db/client.ts';
import type { Activity } from '../courses/course-package.schema.ts';
import type { Tx } from '../db/client.ts';
import { listAnswers, listVotes } from './live.queries.ts';
import type { LiveResults as Results } from '#lib/live/live-events.ts';

/*
 * What the group sees once a facilitator reveals an activity: counts and shared texts, never
 * who wrote what. Hidden (moderated) and "keep in my workbook" answers (open prompts and
 * map notes not shared) are left out.
 */
export async function resultsFor(
	q: Db | Tx,
	sessionId: string,
	blockId: string,
	def: Activity
): Promise<Results> {
	const rows = (await listAnswers(q, sessionId, blockId)).filter((r) => !r.hiddenBy);
	const counts = new Map<string, number>();
	const texts: Results['texts'] = [];
	const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
	for (const r of rows) {
		if (r.passed) continue;
		const p = r.payload as Record<string, unknown>;
		// An erased person's words (ADR 026): still an answer in the count, no longer a text.
		if (p.erased) continue;
		switch (def.type) {
			case 'check-in':
				if (typeof p.word === 'string') bump(p.word.toLowerCase());
				else bump(String(p.scale));
				break;
			case 'poll':
				(p.options as string[]).forEach(bump);
				break;
			case 'word-cloud':
				(p.words as string[]).forEach((w) => bump(w.toLowerCase()));
				break;
			case 'strengths-cards':
				(p.cards as string[]).forEach(bump);
				break;
			case 'open-prompt':
				if (r.shared) texts.push({ id: r.id, text: String(p.text) });
				break;
			case 'board':
				// Map notes are private unless their writer shared them (issue #14).
				if (r.shared) texts.push({ id: r.id, text: String(p.text), column: String(p.column) });
				break;
			case 'qa':
				texts.push({ id: r.id, text: String(p.text), votes: 0 });
				break;
			case 'closing-round':
				texts.push({ id: r.id, text: String(p.text) });
				break;
		}
	}
	if (def.type === 'qa' && texts.length) {
		const votes = await listVotes(
			q,
			texts.map((t) => t.id)
		);
		for (const t of texts) t.votes = votes.get(t.id) ?? 0;
		// Most-wanted questions first; ties keep the order they were asked.
		texts.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
	}
	return {
		answered: rows.filter((r) => !r.passed).length,
		passed: rows.filter((r) => r.passed).length,
		counts: [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count),
		texts
	};
}
