import { describe, expect, it } from 'vitest';
import { loadCoursePackage } from './load-course-package.ts';
import { validateCoursePackage } from './validate-course-package.ts';
import { caseSheet } from './course-cases.ts';

const pkg = validateCoursePackage(loadCoursePackage('recovery-oriented-practice')).pkg!;

describe('caseSheet', () => {
	it('gives Day 2 Lena and Day 4 Mira, fictional and saying so, with notes for facilitators', () => {
		const lena = caseSheet(pkg.sessions[1].structure, pkg.sessions[1].text.uk, 'lena')!;
		expect(lena.title).toBe('Картка випадку: Лена (вигадана)');
		expect(lena.sheetHtml).toContain('вигадана людина');
		expect(lena.notesHtml).toContain('Що охоплює добре обговорення');
		const mira = caseSheet(pkg.sessions[3].structure, pkg.sessions[3].text.cs, 'mira')!;
		expect(mira.sheetHtml).toContain('Mira');
		expect(mira.sheetHtml).toMatch(/není skutečný člověk/);
	});

	it('serves no case the session does not use, and none from a version without cases', () => {
		expect(caseSheet(pkg.sessions[1].structure, pkg.sessions[1].text.en, 'mira')).toBeNull();
		expect(caseSheet(pkg.sessions[0].structure, pkg.sessions[0].text.en, 'lena')).toBeNull();
		const old = structuredClone(pkg.sessions[3]);
		delete old.text.en.cases;
		expect(caseSheet(old.structure, old.text.en, 'mira')).toBeNull();
	});

	it('Day 1 has its shared question list and Day 4 its guiding questions for the guide', () => {
		expect(pkg.sessions[0].text.en.lists?.['question-list'].body).toMatch(
			/shared note called "Our\s+questions"/
		);
		expect(pkg.sessions[3].text.uk.lists?.['guiding-questions'].body).toMatch(/Томас/);
	});
});
