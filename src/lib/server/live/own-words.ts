import type { Db } from '../db/client.ts';
import type { LiveSubject } from './live-access.ts';
import { listKeptAnswers } from './live.queries.ts';

/**
 * A person's own kept words from one session: what they wrote to an open prompt and kept to
 * themselves ("only you can read it"), shown back to them on the session record until the
 * workbook holds them. Only the viewer's own place is read: another participant, a
 * facilitator or an admin (who have no place, or another one) get nothing, and the group's
 * record and its export never contain these words. In the order of the agenda.
 */
export async function ownWords(
	db: Db,
	subject: LiveSubject,
	viewer: { enrolmentId: string | null }
) {
	if (!viewer.enrolmentId) return [];
	const kept = await listKeptAnswers(db, subject.sessionId, viewer.enrolmentId);
	const session = subject.pkg.sessions.find((s) => s.structure.number === subject.number)!;
	const text = session.text[subject.locale] ?? session.text[subject.pkg.course.sourceLocale];
	const out: { blockId: string; title: string; prompt: string | null; text: string }[] = [];
	for (const b of subject.structure.blocks) {
		for (const k of kept) {
			const words = (k.payload as { text?: unknown }).text;
			if (k.blockId !== b.id || typeof words !== 'string') continue;
			const bt = text.blocks[b.id];
			out.push({
				blockId: b.id,
				title: bt.title,
				prompt: bt.activity?.prompt ?? null,
				text: words
			});
		}
	}
	return out;
}
