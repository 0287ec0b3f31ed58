import type { Questionnaire } from '../courses/course-package.schema.ts';
import { enough, shuffled } from '../outcomes/small-numbers.ts';

export type EvaluationResponse = {
	phase: string;
	pseudonym: string;
	answers: Record<string, string | number>;
};

export type ItemSummary =
	| { id: string; kind: 'knowledge'; correct: number; answered: number; skipped: number }
	| {
			id: string;
			kind: 'likert';
			counts: number[];
			skipped: number;
			mean: number | null;
	  };

export type PhaseSummary =
	| { shown: false }
	| { shown: true; count: number; items: ItemSummary[]; open: { id: string; answers: string[] }[] };

export type PairedSummary =
	| { shown: false }
	| {
			shown: true;
			pairs: number;
			knowledgeItems: number;
			knowledge: { pre: number; post: number; change: number };
			/* Per agreement item; not shown where fewer than the smallest group answered it both times. */
			likert: (
				| {
						id: string;
						shown: true;
						n: number;
						/* The item's scale runs 1 to points. */
						points: number;
						pre: number;
						post: number;
						change: number;
				  }
				| { id: string; shown: false }
			)[];
	  };

/* How an agreement item is scored; course items are 1–5 and never reversed. */
export type ItemScoring = { points: number; reverse: boolean };
export type Scoring = Record<string, ItemScoring>;
const DEFAULT_SCORING: ItemScoring = { points: 5, reverse: false };

/*
 * The score of an agreement answer: a reverse-keyed pack item's answer v on an N-point scale
 * counts as N+1−v, so every mean and change points the same way as the instrument's scoring.
 */
export function itemScore(scoring: Scoring | undefined, id: string, v: number) {
	const s = scoring?.[id] ?? DEFAULT_SCORING;
	return s.reverse ? s.points + 1 - v : v;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export function knowledgeScore(q: Questionnaire, answers: Record<string, string | number>) {
	return q.items.filter((i) => i.kind === 'knowledge' && answers[i.id] === i.correct).length;
}

function phaseSummary(
	q: Questionnaire,
	rs: EvaluationResponse[],
	minGroup: number,
	scoring?: Scoring
): PhaseSummary {
	if (!enough(rs.length, minGroup)) return { shown: false };
	const items: ItemSummary[] = [];
	const open: { id: string; answers: string[] }[] = [];
	for (const i of q.items) {
		const given = rs.map((r) => r.answers[i.id]).filter((v) => v !== undefined && v !== '');
		if (i.kind === 'knowledge') {
			items.push({
				id: i.id,
				kind: 'knowledge',
				correct: given.filter((v) => v === i.correct).length,
				answered: given.length,
				skipped: rs.length - given.length
			});
		} else if (i.kind === 'likert') {
			// Counts are of scores too, so a reverse-keyed item's counts match its mean.
			const nums = given.map((v) => itemScore(scoring, i.id, Number(v)));
			const points = (scoring?.[i.id] ?? DEFAULT_SCORING).points;
			items.push({
				id: i.id,
				kind: 'likert',
				counts: Array.from({ length: points }, (_, k) => nums.filter((n) => n === k + 1).length),
				skipped: rs.length - nums.length,
				mean: nums.length ? mean(nums) : null
			});
		} else {
			open.push({ id: i.id, answers: shuffled(given.map(String)) });
		}
	}
	return { shown: true, count: rs.length, items, open };
}

/**
 * What facilitators and admins may see of one group's questionnaires: each phase only from the
 * smallest group, and the paired change (people who answered both, matched by pseudonym) only
 * from the smallest group of pairs, per item only where that many answered it both times.
 */
export function summariseEvaluation(
	q: Questionnaire,
	responses: EvaluationResponse[],
	minGroup: number,
	scoring?: Scoring
): { pre: PhaseSummary; post: PhaseSummary; paired: PairedSummary } {
	const pre = responses.filter((r) => r.phase === 'pre');
	const post = responses.filter((r) => r.phase === 'post');
	const postBy = new Map(post.map((r) => [r.pseudonym, r]));
	const pairs = pre.flatMap((r) => {
		const p = postBy.get(r.pseudonym);
		return p ? [{ pre: r.answers, post: p.answers }] : [];
	});
	let paired: PairedSummary = { shown: false };
	if (enough(pairs.length, minGroup)) {
		const kPre = pairs.map((p) => knowledgeScore(q, p.pre));
		const kPost = pairs.map((p) => knowledgeScore(q, p.post));
		paired = {
			shown: true,
			pairs: pairs.length,
			knowledgeItems: q.items.filter((i) => i.kind === 'knowledge').length,
			knowledge: { pre: mean(kPre), post: mean(kPost), change: mean(kPost) - mean(kPre) },
			likert: q.items
				.filter((i) => i.kind === 'likert')
				.map((i) => {
					const both = pairs.filter(
						(p) => typeof p.pre[i.id] === 'number' && typeof p.post[i.id] === 'number'
					);
					if (!enough(both.length, minGroup)) return { id: i.id, shown: false as const };
					const a = mean(both.map((p) => itemScore(scoring, i.id, Number(p.pre[i.id]))));
					const b = mean(both.map((p) => itemScore(scoring, i.id, Number(p.post[i.id]))));
					return {
						id: i.id,
						shown: true as const,
						n: both.length,
						points: (scoring?.[i.id] ?? DEFAULT_SCORING).points,
						pre: a,
						post: b,
						change: b - a
					};
				})
		};
	}
	return {
		pre: phaseSummary(q, pre, minGroup, scoring),
		post: phaseSummary(q, post, minGroup, scoring),
		paired
	};
}
