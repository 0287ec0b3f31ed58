import { randomInt } from 'node:crypto';

/*
 * Small-number suppression, shared by every page, chart and CSV that shows answers (ADR 023).
 * A group of answers is shown only when at least `minGroup` people gave them (an organisation
 * setting, never below 5).
 */

export const FLOOR = 5;

export function enough(count: number, minGroup: number) {
	return count >= Math.max(FLOOR, minGroup);
}

/**
 * Complementary suppression over groups that add up to a shown total: when exactly one group
 * is too small it could be recovered by subtracting the others from the total, so the next
 * smallest group is hidden too. Returns which groups may be shown.
 */
export function suppressComplementary(counts: number[], minGroup: number, totalShown: boolean) {
	const show = counts.map((c) => enough(c, minGroup));
	const hidden = show.filter((s) => !s).length;
	if (totalShown && hidden === 1 && counts.length > 1) {
		let j = -1;
		for (let i = 0; i < counts.length; i++) {
			if (show[i] && (j === -1 || counts[i] < counts[j])) j = i;
		}
		if (j !== -1) show[j] = false;
	}
	return show;
}

/** A copy in random order (Fisher–Yates with a cryptographic source): comments carry no order. */
export function shuffled<T>(items: T[]): T[] {
	const a = [...items];
	for (let i = a.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}
