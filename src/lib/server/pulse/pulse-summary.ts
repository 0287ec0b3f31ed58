import { enough, shuffled } from '../outcomes/small-numbers.ts';
import type { PulseValues } from './pulse.queries.ts';

export const PULSE_ITEMS = ['useful', 'pace', 'ableToPass', 'safeToShare'] as const;
export type PulseItem = (typeof PULSE_ITEMS)[number];
export const PULSE_SCALE: Record<PulseItem, number[]> = {
	useful: [1, 2, 3, 4, 5],
	pace: [1, 2, 3],
	ableToPass: [1, 2, 3, 4, 5],
	safeToShare: [1, 2, 3, 4, 5]
};

export type PulseSummary =
	| { shown: false }
	| {
			shown: true;
			count: number;
			items: {
				item: PulseItem;
				/* Answers per scale value, then those who preferred not to answer. */
				counts: { value: number; count: number }[];
				skipped: number;
				mean: number | null;
			}[];
			comments: string[];
	  };

/**
 * One session's pulse for facilitators: nothing below the smallest group; from it, the
 * distribution per question and the comments in random order, without times.
 */
export function summarisePulse(answers: PulseValues[], minGroup: number): PulseSummary {
	if (!enough(answers.length, minGroup)) return { shown: false };
	return {
		shown: true,
		count: answers.length,
		items: PULSE_ITEMS.map((item) => {
			const given = answers.map((a) => a[item]).filter((v): v is number => v !== null);
			return {
				item,
				counts: PULSE_SCALE[item].map((value) => ({
					value,
					count: given.filter((v) => v === value).length
				})),
				skipped: answers.length - given.length,
				mean: given.length ? given.reduce((s, v) => s + v, 0) / given.length : null
			};
		}),
		comments: shuffled(
			answers.map((a) => a.comment?.trim() ?? '').filter((c): c is string => c.length > 0)
		)
	};
}
