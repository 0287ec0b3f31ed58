import { describe, expect, it } from 'vitest';
import { loadCoursePackage } from '../courses/load-course-package.ts';
import { validateCoursePackage } from '../courses/validate-course-package.ts';
import { runSheet } from './run-sheet.ts';

const pkg = validateCoursePackage(loadCoursePackage('recovery-oriented-practice')).pkg!;
const day4 = pkg.sessions[3];
const start = new Date('2026-12-03T17:00:00Z');
const two = [
	{ name: 'Alena Nováková', peerTrainer: false },
	{ name: 'Oksana Petrenko', peerTrainer: true }
];

describe('runSheet', () => {
	it('gives every block of Day 4 its clock times from the session start, 180 minutes in all', () => {
		const s = runSheet({
			blocks: day4.structure.blocks,
			text: day4.text.en,
			startsAt: start,
			facilitators: two
		});
		expect(s.rows).toHaveLength(day4.structure.blocks.length);
		expect(s.rows[0].startsAt).toEqual(start);
		expect(s.endsAt).toEqual(new Date('2026-12-03T20:00:00Z'));
		expect(s.opensAt).toEqual(new Date('2026-12-03T16:45:00Z'));
		for (let i = 1; i < s.rows.length; i++) {
			expect(s.rows[i].startsAt).toEqual(s.rows[i - 1].endsAt);
		}
		expect(s.breakMinutes).toBe(20);
		const walk = s.rows.find((r) => r.id === 'walk-the-steps')!;
		expect(walk.startsAt).toEqual(new Date('2026-12-03T18:27:00Z'));
		expect(walk.breakout).toEqual({ minutes: 27, around: 8, groupSize: 4 });
		expect(walk.caseTitle).toBe('Case sheet: Mira (fictional)');
		expect(s.rows.find((r) => r.id === 'six-steps')!.visual).toBe(
			'The six steps of the CARe methodical process'
		);
	});

	it('names the first and second facilitator as the package says, and both where both lead', () => {
		const s = runSheet({
			blocks: day4.structure.blocks,
			text: day4.text.uk,
			startsAt: start,
			facilitators: two
		});
		const by = (id: string) => s.rows.find((r) => r.id === id)!;
		expect(by('welcome-last-day')).toMatchObject({
			leads: ['Alena Nováková'],
			supports: ['Oksana Petrenko']
		});
		expect(by('presence-pairs')).toMatchObject({
			leads: ['Oksana Petrenko'],
			supports: ['Alena Nováková']
		});
		expect(by('care-why-and-what')).toMatchObject({
			leads: ['Alena Nováková', 'Oksana Petrenko'],
			supports: []
		});
	});

	it('with one facilitator, that person leads everything; with none, nobody is named', () => {
		const one = runSheet({
			blocks: day4.structure.blocks,
			text: day4.text.cs,
			startsAt: start,
			facilitators: [two[0]]
		});
		for (const r of one.rows) expect(r).toMatchObject({ leads: ['Alena Nováková'], supports: [] });
		const none = runSheet({
			blocks: day4.structure.blocks,
			text: day4.text.cs,
			startsAt: start,
			facilitators: []
		});
		for (const r of none.rows) expect(r).toMatchObject({ leads: [], supports: [] });
	});
});
