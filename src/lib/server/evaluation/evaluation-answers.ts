import type { Questionnaire } from '../courses/course-package.schema.ts';

export const OPEN_MAX = 2000;

/**
 * Reads a submitted questionnaire: every item may be left empty ("prefer not to answer"); a
 * knowledge item takes one of its options, an agreement item 1–5, an open question up to
 * 2,000 characters. Anything else is an error for that item (a localised key); unknown
 * fields are ignored, so a forged field stores nothing.
 */
export function readEvaluationAnswers(
	q: Questionnaire,
	form: FormData
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
			if (/^[1-5]$/.test(v)) answers[item.id] = Number(v);
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
