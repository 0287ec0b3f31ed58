import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { makeOrganisation } from '../testing/factories.ts';
import { loadCoursePackage } from '../courses/load-course-package.ts';
import { validateCoursePackage } from '../courses/validate-course-package.ts';
import { loadInstrumentPack } from './load-instrument-pack.ts';
import { setInstrumentPermission } from './set-instrument-permission.ts';
import { listEnabledPacks, listInstrumentPacks } from './instrument-packs.queries.ts';
import { questionnaireWithPacks } from './questionnaire-with-packs.ts';
import { readEvaluationAnswers } from './evaluation-answers.ts';
import { parseInstrumentPack } from './instrument-pack.schema.ts';
import { summariseEvaluation } from './evaluation-summary.ts';
import { setOutcomeSettings } from '../outcomes/set-outcome-settings.ts';
import { findOutcomeSettings } from '../outcomes/outcome-settings.queries.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

/* A made-up pack in the format (no published instrument's wording). */
const PACK = `
slug: example-scale
name: Example attitudes scale
citation: Made up for a test.
licence: Test only.
scoring: Sum of items; item b is reverse-keyed.
scale:
  labels:
    en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
items:
  - { id: a, text: { en: First made-up statement. } }
  - { id: b, reverse: true, text: { en: Second made-up statement. } }
`;

describe('instrument packs and outcome settings', () => {
	it('a loaded pack is used only after an admin confirms permission', async () => {
		const org = await makeOrganisation(h.db);
		const by = null as unknown as string;
		expect(
			await loadInstrumentPack(h.db, { organisationId: org.id, source: 'slug: [', by })
		).toMatchObject({
			ok: false
		});
		const bad = await loadInstrumentPack(h.db, {
			organisationId: org.id,
			source: PACK.replace('slug: example-scale', 'slug: Bad Slug'),
			by
		});
		expect(bad.ok).toBe(false);
		expect(await loadInstrumentPack(h.db, { organisationId: org.id, source: PACK, by })).toEqual({
			ok: true,
			slug: 'example-scale'
		});
		const [pack] = await listInstrumentPacks(h.db, org.id);
		expect(await listEnabledPacks(h.db, org.id)).toEqual([]);
		expect(
			await setInstrumentPermission(h.db, {
				organisationId: org.id,
				packId: pack.id,
				by,
				enable: true,
				confirmed: false
			})
		).toEqual({ ok: false, reason: 'not-confirmed' });
		expect(
			await setInstrumentPermission(h.db, {
				organisationId: org.id,
				packId: pack.id,
				by,
				enable: true,
				confirmed: true
			})
		).toEqual({ ok: true });
		const enabled = await listEnabledPacks(h.db, org.id);
		expect(enabled.map((p) => p.slug)).toEqual(['example-scale']);

		const base = validateCoursePackage(loadCoursePackage('recovery-oriented-practice')).pkg!
			.evaluation!;
		const q = questionnaireWithPacks(base, enabled);
		expect(q.text('cs').items['example-scale:b'].text).toBe('Second made-up statement.');
		const form = new FormData();
		form.set('example-scale:a', '4');
		form.set('example-scale:b', '7');
		expect(readEvaluationAnswers(q.structure, form)).toMatchObject({
			ok: false,
			errors: { 'example-scale:b': 'error_choice' }
		});
		// Loading it again withdraws the permission.
		await loadInstrumentPack(h.db, { organisationId: org.id, source: PACK, by });
		expect(await listEnabledPacks(h.db, org.id)).toEqual([]);
	});

	it("a pack's scale has 2 to 11 points, the same in every language; the form, answers and summaries follow it", async () => {
		const labels = (n: number) =>
			`[${Array.from({ length: n }, (_, i) => `P${i + 1}`).join(', ')}]`;
		const withScale = (en: number, cs = en) =>
			PACK.replace(/ {4}en: \[.*\]/, `    en: ${labels(en)}\n    cs: ${labels(cs)}`);
		expect(parseInstrumentPack(withScale(1)).ok).toBe(false);
		expect(parseInstrumentPack(withScale(12)).ok).toBe(false);
		const uneven = parseInstrumentPack(withScale(7, 5));
		expect(uneven).toMatchObject({ ok: false });
		expect(uneven.ok ? [] : uneven.problems.join()).toMatch(/same number of points/);
		expect(parseInstrumentPack(withScale(2)).ok).toBe(true);
		const seven = parseInstrumentPack(withScale(7));
		if (!seven.ok) throw new Error(seven.problems.join());

		const base = validateCoursePackage(loadCoursePackage('recovery-oriented-practice')).pkg!
			.evaluation!;
		const q = questionnaireWithPacks(base, [seven.pack]);
		expect(q.labels('uk')['example-scale']).toHaveLength(7);
		const read = (values: Record<string, string>) => {
			const form = new FormData();
			for (const [k, v] of Object.entries(values)) form.set(k, v);
			return readEvaluationAnswers(q.structure, form, q.scoring);
		};
		expect(read({ 'example-scale:a': '7', 'example-scale:b': '1', 'c-explain': '5' })).toEqual({
			ok: true,
			answers: { 'example-scale:a': 7, 'example-scale:b': 1, 'c-explain': 5 }
		});
		// Out of the pack's range, or of the course's own 1–5, is refused with a localised key.
		expect(
			read({ 'example-scale:a': '8', 'example-scale:b': '0', 'c-explain': '6' })
		).toMatchObject({
			ok: false,
			errors: {
				'example-scale:a': 'error_choice',
				'example-scale:b': 'error_choice',
				'c-explain': 'error_choice'
			}
		});
		expect(read({ 'example-scale:a': '07.0' })).toMatchObject({ ok: false });

		// Summaries count 7 points; reverse-keyed b answered 7 scores 1 (N+1−v).
		const rs = Array.from({ length: 5 }, (_, i) => ({
			phase: 'pre',
			pseudonym: `p${i}`,
			answers: { 'example-scale:a': 6, 'example-scale:b': 7 }
		}));
		const s = summariseEvaluation(q.structure, rs, 5, q.scoring);
		if (!s.pre.shown) throw new Error('should show for 5');
		expect(s.pre.items.find((i) => i.id === 'example-scale:a')).toMatchObject({
			counts: [0, 0, 0, 0, 0, 5, 0],
			mean: 6
		});
		expect(s.pre.items.find((i) => i.id === 'example-scale:b')).toMatchObject({
			counts: [5, 0, 0, 0, 0, 0, 0],
			mean: 1
		});
		expect(s.pre.items.find((i) => i.id === 'c-explain')).toMatchObject({
			counts: [0, 0, 0, 0, 0]
		});
	});

	it('the smallest group shown is never below 5', async () => {
		const org = await makeOrganisation(h.db);
		expect(await findOutcomeSettings(h.db, org.id)).toEqual({ minGroup: 5, postDays: 14 });
		expect(
			await setOutcomeSettings(h.db, { organisationId: org.id, minGroup: 4, postDays: 14 })
		).toEqual({ ok: false, reason: 'min-group' });
		expect(
			await setOutcomeSettings(h.db, { organisationId: org.id, minGroup: 8, postDays: 21 })
		).toEqual({ ok: true });
		expect(await findOutcomeSettings(h.db, org.id)).toEqual({ minGroup: 8, postDays: 21 });
	});
});
