import { describe, expect, it } from 'vitest';
import { loadCoursePackage } from './load-course-package.ts';
import { validateCoursePackage } from './validate-course-package.ts';

describe('the course questionnaire', () => {
	const raw = loadCoursePackage('recovery-oriented-practice');

	it('is part of the package, in every language, with the correct answers stated', () => {
		const v = validateCoursePackage(raw);
		expect(v.errors).toEqual([]);
		const e = v.pkg!.evaluation!;
		expect(e.structure.items.filter((i) => i.kind === 'open')).toHaveLength(2);
		const knowledge = e.structure.items.filter((i) => i.kind === 'knowledge');
		expect(knowledge.length).toBeGreaterThanOrEqual(5);
		for (const l of ['en', 'cs', 'uk']) {
			for (const k of knowledge) expect(e.text[l].items[k.id].options![k.correct]).toBeTruthy();
		}
	});

	it('course:check reports a wrong correct answer, a missing translation and a third open question', () => {
		const structure = structuredClone(raw.evaluation!.structure) as {
			items: Record<string, unknown>[];
		};
		structure.items[0].correct = 'z';
		structure.items.push({ id: 'o-third', kind: 'open', aim: 'experience' });
		const text = structuredClone(raw.evaluation!.text) as Record<
			string,
			{ items: Record<string, unknown> }
		>;
		delete text.uk.items['a-belonging'];
		const v = validateCoursePackage({ ...raw, evaluation: { structure, text } });
		expect(v.errors.join('\n')).toMatch(/states a correct option it does not have/);
		expect(v.errors.join('\n')).toMatch(/exactly two open questions/);
		expect(v.errors.join('\n')).toMatch(/evaluation\/uk.yaml: no text for item "a-belonging"/);
		expect(v.pkg).toBeUndefined();
	});
});
