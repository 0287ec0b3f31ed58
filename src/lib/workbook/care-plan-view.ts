/*
 * A CARe practice entry read as two plans for the same goal (the course's exercise): the
 * personal plan (wish → goal → steps → who helps) and the support plan (what the worker does at
 * each step). Both come from the same entry: a step per line in `steps`, and the line of
 * `support` with the same number says what the worker does for it. Support lines beyond the
 * steps are kept as support for the goal as a whole, so nothing written is lost.
 */
export type CarePlanView = {
	basis: string;
	wish: string;
	goal: string;
	whoHelps: string;
	steps: { step: string; support: string }[];
	supportForGoal: string[];
};

const lines = (s: string | undefined) =>
	(s ?? '')
		.split(/\r?\n/)
		.map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
		.filter(Boolean);

export function carePlanView(fields: Record<string, string>): CarePlanView {
	const steps = lines(fields.steps);
	const support = lines(fields.support);
	return {
		basis: fields.basis ?? '',
		wish: fields.wish ?? '',
		goal: fields.goal ?? '',
		whoHelps: fields.whoHelps ?? '',
		steps: steps.map((step, i) => ({ step, support: support[i] ?? '' })),
		supportForGoal: support.slice(steps.length)
	};
}
