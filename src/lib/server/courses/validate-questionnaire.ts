import { checkStigmatisingTerms } from './course-language.ts';
import {
	questionnaireSchema,
	questionnaireTextSchema,
	type QuestionnaireText
} from './course-package.schema.ts';
import type { RawPackage } from './load-course-package.ts';
import { schemaIssues } from './schema-issues.ts';
import type { CoursePackage } from './validate-course-package.ts';

/**
 * The questionnaire's rules: a knowledge item states a correct option that exists, there are
 * exactly two open questions, ids are unique, and every language has the text of every item
 * and option (and nothing else), in person-first language.
 */
export function validateQuestionnaire(
	raw: NonNullable<RawPackage['evaluation']>,
	locales: string[],
	terms: Record<string, string[]>,
	errors: string[]
): CoursePackage['evaluation'] {
	const where = 'evaluation/questionnaire.yaml';
	const q = questionnaireSchema.safeParse(raw.structure);
	if (!q.success) {
		errors.push(...schemaIssues(where, q.error));
		return undefined;
	}
	const ids = new Set<string>();
	for (const item of q.data.items) {
		if (ids.has(item.id)) errors.push(`${where}: item "${item.id}" appears twice`);
		ids.add(item.id);
		if (item.kind === 'knowledge' && !item.options.includes(item.correct)) {
			errors.push(`${where}: item "${item.id}" states a correct option it does not have`);
		}
	}
	if (q.data.items.filter((i) => i.kind === 'open').length !== 2) {
		errors.push(`${where}: the questionnaire has exactly two open questions`);
	}
	if (!q.data.items.some((i) => i.kind === 'knowledge')) {
		errors.push(`${where}: the questionnaire needs a knowledge part`);
	}
	const text: Record<string, QuestionnaireText> = {};
	for (const l of locales) {
		const twhere = `evaluation/${l}.yaml`;
		const t = questionnaireTextSchema.safeParse(raw.text[l]);
		if (!t.success) {
			errors.push(...schemaIssues(twhere, t.error));
			continue;
		}
		for (const item of q.data.items) {
			const it = t.data.items[item.id];
			if (!it) {
				errors.push(`${twhere}: no text for item "${item.id}"`);
				continue;
			}
			const wanted = item.kind === 'knowledge' ? item.options : [];
			const given = Object.keys(it.options ?? {});
			for (const o of wanted) {
				if (!given.includes(o)) {
					errors.push(`${twhere}: item "${item.id}" has no text for option "${o}"`);
				}
			}
			for (const o of given) {
				if (!wanted.includes(o)) {
					errors.push(`${twhere}: item "${item.id}" has text for unknown option "${o}"`);
				}
			}
		}
		for (const k of Object.keys(t.data.items)) {
			if (!ids.has(k)) errors.push(`${twhere}: text for unknown item "${k}"`);
		}
		errors.push(...checkStigmatisingTerms(twhere, terms[l] ?? [], t.data));
		text[l] = t.data;
	}
	return { structure: q.data, text };
}
