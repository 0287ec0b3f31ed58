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
