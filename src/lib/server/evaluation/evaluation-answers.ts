import type { Questionnaire } from '../courses/course-package.schema.ts';
import type { Scoring } from './evaluation-summary.ts';

export const OPEN_MAX = 2000;

/**
 * Reads a submitted questionnaire: every item may be left empty ("prefer not to answer"); a
 * knowledge item takes one of its options, an agreement item 1–5 (a pack item 1 to its own
 * scale's points, from scoring), an open question up to
 * 2,000 characters. Anything else is an error for that item (a localised key); unknown
 * fields are ignored, so a forged field stores nothing.
 */
export function readEvaluationAnswers(
	q: Questionnaire,
	form: FormData,
	scoring?: Scoring
):
	| { ok: true; answers: Record<string, string | number> }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> } {
	const answers: Record<string, string | number> = {};
	const errors: Record<string, string> = {};
	const values: Record<string, string> = {};
	for (const item of q.items) {
		const raw = form.get(item.id);
		const v = typeof raw === 'string' ? raw.trim() : '';
		values[item.id] = v;
		if (v === '') continue;
		if (item.kind === 'knowledge') {
			if (item.options.includes(v)) answers[item.id] = v;
			else errors[item.id] = 'error_choice';
		} else if (item.kind === 'likert') {
			const points = scoring?.[item.id]?.points ?? 5;
			const n = /^[0-9]{1,2}$/.test(v) ? Number(v) : 0;
			if (n >= 1 && n <= points) answers[item.id] = n;
			else errors[item.id] = 'error_choice';
		} else if (v.length > OPEN_MAX) {
			errors[item.id] = `error_too_long:${OPEN_MAX}`;
		} else if (/[<>]/.test(v)) {
			errors[item.id] = 'error_markup';
		} else {
			answers[item.id] = v;
		}
	}
	return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, answers };
}
