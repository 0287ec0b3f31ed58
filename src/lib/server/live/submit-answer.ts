import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Activity, SessionStructure } from '../courses/course-package.schema.ts';
import { findAnswer, findLiveState, insertMoment, insertVote } from './live.queries.ts';
import { resultsFor } from './results.ts';
import { answerBatcher } from './answer-batcher.ts';
import { commitLiveEvents, type Announce } from './commit-live-events.ts';
import { addTieFromLiveNote } from '../workbook/add-tie-from-live-note.ts';

const NO_MARKUP = /^[^<>]*$/;
const text = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'error_required')
		.max(max, `error_too_long:${max}`)
		.regex(NO_MARKUP, 'error_markup');

/** What each kind of activity accepts; everything else is refused before anything is stored. */
export function answerSchema(a: Activity) {
	switch (a.type) {
		case 'check-in':
			return a.mode === 'word'
				? z.object({ word: text(40) })
				: z.object({
						scale: z.coerce
							.number()
							.int()
							.min(1)
							.max(a.scaleMax ?? 5)
					});
		case 'poll':
			return z.object({
				options: z
					.array(z.enum(a.options as [string, ...string[]]))
					.min(1, 'error_choice')
					.max(a.multiple ? a.options.length : 1, 'error_choice')
			});
		case 'word-cloud':
			return z.object({
				words: z
					.array(text(30))
					.min(1, 'error_required')
					.max(a.maxWords, `error_too_many:${a.maxWords}`)
			});
		case 'open-prompt':
			return z.object({ text: text(1000), share: z.boolean() });
		case 'strengths-cards':
			return z.object({
				cards: z
					.array(z.enum(a.deck as [string, ...string[]]))
					.min(1, 'error_choice')
					.max(a.pick, `error_too_many:${a.pick}`)
			});
		case 'board':
			return z.object({
				column: z.enum(a.columns as [string, ...string[]]),
				text: text(280),
				share: z.boolean().default(false)
			});
		case 'qa':
		case 'closing-round':
			return z.object({ text: text(280) });
		case 'breakout':
			return z.object({ done: z.literal(true) });
	}
}

export type SubmitResult =
	| { ok: true; stored: boolean }
	| { ok: false; status: 400 | 409; reason: string; errors?: Record<string, string> };

/**
 * A participant's answer, or their Pass: as easy as answering, and stored the same way.
 * `clientId` comes from the form; a retried post with the same id stores nothing new.
 */
export async function submitAnswer(
	db: Db,
	input: {
		sessionId: string;
		structure: SessionStructure;
		enrolmentId: string;
		clientId: string;
		blockId: string;
		pass: boolean;
		fields: Record<string, unknown>;
		announce: Announce;
	}
): Promise<SubmitResult> {
	// Validated against the activity the form was for; whether it is still open is decided
	// where the answer is written, under the state row's lock.
	const def = input.structure.blocks.find((b) => b.id === input.blockId)?.activity;
	if (!def) return { ok: false, status: 409, reason: 'live_activity_closed' };
	let payload: object = {};
	let shared = true;
	if (!input.pass) {
		const parsed = answerSchema(def).safeParse(input.fields);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const i of parsed.error.issues) {
				errors[String(i.path[0] ?? 'form')] ??= i.message.startsWith('error_')
					? i.message
					: 'error_choice';
			}
			return { ok: false, status: 400, reason: 'error_summary', errors };
		}
		payload = parsed.data;
		if (def.type === 'open-prompt') {
			shared = def.shareable && (parsed.data as unknown as { share: boolean }).share;
		}
		// A map note is private unless its writer shares it with the group (issue #14).
		if (def.type === 'board') shared = (parsed.data as unknown as { share: boolean }).share;
	}
	const anonymous = def.type === 'poll' && def.anonymous;
	const outcome = await answerBatcher(db).submit(
		{
			id: input.clientId,
			cohortSessionId: input.sessionId,
			blockId: input.blockId,
			enrolmentId: anonymous ? null : input.enrolmentId,
			passed: input.pass,
			payload,
			shared
		},
		def,
		input.announce,
		anonymous ? input.enrolmentId : null
	);
	if (outcome === 'closed') return { ok: false, status: 409, reason: 'live_activity_closed' };
	// The note also goes onto the person's own workbook map; a resent note adds no second tie.
	if (def.type === 'board' && !input.pass) {
		const note = payload as { column: string; text: string };
		await addTieFromLiveNote(db, {
			answerId: input.clientId,
			enrolmentId: input.enrolmentId,
			sessionNumber: input.structure.number,
			column: note.column,
			text: note.text
		});
	}
	return { ok: true, stored: outcome === 'stored' };
}

/** "I need a moment": only facilitators are told, and only the display name. */
export async function signalMoment(
	db: Db,
	input: {
		sessionId: string;
		enrolmentId: string;
		clientId: string;
		name: string;
		announce: Announce;
	}
) {
	// Signal and event together: a resent signal finds it stored and must not lack its event.
	return commitLiveEvents(db, input.announce, async (tx, events) => {
		const stored = await insertMoment(tx, {
			id: input.clientId,
			cohortSessionId: input.sessionId,
			enrolmentId: input.enrolmentId
		});
		if (stored) {
			events.record(input.sessionId, {
				kind: 'moment',
				payload: { id: input.clientId, name: input.name }
			});
		}
		return stored;
	});
}

/**
 * An upvote on a question in a revealed Q&A. Only visible, shared questions of the running
 * activity can be voted on; a repeated vote changes nothing and emits nothing.
 */
export async function upvote(
	db: Db,
	input: {
		sessionId: string;
		structure: SessionStructure;
		enrolmentId: string;
		answerId: string;
		announce: Announce;
	}
): Promise<SubmitResult> {
	const state = await findLiveState(db, input.sessionId);
	const answer = await findAnswer(db, input.sessionId, input.answerId);
	const def = input.structure.blocks.find((b) => b.id === answer?.blockId)?.activity;
	const running = state?.activity;
	if (
		!answer ||
		answer.hiddenBy ||
		answer.passed ||
		def?.type !== 'qa' ||
		running?.blockId !== answer.blockId ||
		!running.revealed
	) {
		return { ok: false, status: 409, reason: 'live_activity_closed' };
	}
	const stored = await commitLiveEvents(db, input.announce, async (tx, events) => {
		const added = await insertVote(tx, answer.id, input.enrolmentId);
		if (added) {
			events.record(input.sessionId, {
				kind: 'results',
				payload: {
					blockId: answer.blockId,
					results: await resultsFor(tx, input.sessionId, answer.blockId, def)
				}
			});
		}
		return added;
	});
	return { ok: true, stored };
}
