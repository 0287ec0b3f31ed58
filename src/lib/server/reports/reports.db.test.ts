import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { cohorts } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { correctAttendance } from '../attendance/record-attendance.ts';
import { answerPulse } from '../pulse/answer-pulse.ts';
import { answerEvaluation } from '../evaluation/answer-evaluation.ts';
import { loadReport } from './load-report.ts';
import { reportCsv, reportFigures } from './report-view.ts';
import { loadInstrumentPack } from '../evaluation/load-instrument-pack.ts';
import { setInstrumentPermission } from '../evaluation/set-instrument-permission.ts';
import { listInstrumentPacks } from '../evaluation/instrument-packs.queries.ts';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();
const HOUR = 3_600_000;

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	await h?.close();
});

/** A cohort of n who answer pre, attend all four sessions, give each pulse and answer post. */
async function runCohort(
	n: number,
	name: string,
	extra: { pre: Record<string, number>; post: Record<string, number> } = { pre: {}, post: {} }
) {
	const c = await makeCohort(h.db, { cfg, auth });
	await h.db.update(cohorts).set({ name }).where(eq(cohorts.id, c.cohort.id));
	const sessions = await listSessions(h.db, c.cohort.id);
	for (let i = 0; i < n; i++) {
		const p = await makePerson(h.db, auth, { organisationId: c.org.id });
		await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
		const e = (await findEnrolment(h.db, c.cohort.id, p.id))!;
		await answerEvaluation(h.db, cfg, {
			cohortId: c.cohort.id,
			phase: 'pre',
			userId: p.id,
			answers: { 'k-recovery': 'a', 'c-explain': 2, ...extra.pre },
			now: new Date(sessions[0].startsAt.getTime() - HOUR)
		});
		for (const s of sessions) {
			await correctAttendance(h.db, {
				cohortId: c.cohort.id,
				cohortSessionId: s.id,
				enrolmentId: e.id,
				status: 'present',
				by: c.lead.id
			});
			await answerPulse(h.db, {
				cohortId: c.cohort.id,
				number: s.number,
				userId: p.id,
				values: { useful: 4, pace: 2, ableToPass: 5, safeToShare: 4, comment: '=HYPERLINK("x")' },
				now: new Date(s.endsAt.getTime() + HOUR)
			});
		}
		await answerEvaluation(h.db, cfg, {
			cohortId: c.cohort.id,
			phase: 'post',
			userId: p.id,
			answers: { 'k-recovery': 'b', 'c-explain': 4, ...extra.post },
			now: new Date(sessions[3].endsAt.getTime() + HOUR)
		});
	}
	return c;
}

describe('reports', () => {
	it('a group of 6 shows its paired change and pulse; a group of 4 shows nothing drawn from answers, CSV included', async () => {
		const six = await runCohort(6, 'Six');
		const four = await runCohort(4, '=cmd|"/c calc"!A1');
		const r6 = await loadReport(h.db, { organisationId: six.org.id, cohortId: six.cohort.id });
		expect(r6.report.enrolment.enrolled).toBe(6);
		expect(r6.report.completion.completed).toBe(6);
		expect(r6.report.certificates.valid).toBe(6);
		expect(r6.report.attendance.map((a) => a.attended)).toEqual([6, 6, 6, 6]);
		const paired = r6.report.evaluation!.paired;
		if (!paired.shown) throw new Error('paired change should show for 6');
		expect(paired.knowledge).toMatchObject({ pre: 0, post: 1, change: 1 });
		const figures = reportFigures(r6.report, 'en', r6.questionnaireText);
		expect(figures.find((f) => f.id === 'change')!.chart?.kind).toBe('change');
		expect(figures.find((f) => f.id === 'pulse')!.rows[0]).toEqual(['Session 1', '4', '6']);
		const csv6 = reportCsv(r6.report, 'en', r6.questionnaireText);
		expect(csv6).toContain('Knowledge score (correct answers out of 6),0 | 1 | 1');

		const r4 = await loadReport(h.db, { organisationId: four.org.id, cohortId: four.cohort.id });
		expect(r4.report.evaluation!.paired).toEqual({ shown: false });
		expect(r4.report.pulse.every((p) => !p.summary.shown)).toBe(true);
		const csv4 = reportCsv(r4.report, 'cs', r4.questionnaireText);
		expect(csv4).toContain('Nedostatek odpovědí k zobrazení.');
		expect(csv4).not.toMatch(/HYPERLINK/);
		// Every cell of the pulse and change sections is suppressed.
		const lines = csv4.split('\r\n').filter((l) => /Jak užitečné|Před kurzem a po něm/.test(l));
		expect(lines.length).toBeGreaterThan(0);
		for (const l of lines) expect(l).toContain('Nedostatek odpovědí k zobrazení.');

		// The programme CSV neutralises a group name that a spreadsheet would run as a formula.
		const all = await loadReport(h.db, { organisationId: four.org.id });
		const csv = reportCsv(all.report, 'en', all.questionnaireText);
		expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
		expect(csv).not.toMatch(/(^|,)=cmd/m);
	});

	it("an enabled pack's reverse-keyed item is reversed in the phase means and the paired change", async () => {
		const r = await packReport();
		const ev = r.report.evaluation!;
		if (!ev.paired.shown || !ev.pre.shown || !ev.post.shown) throw new Error('should show for 6');
		expect(ev.paired.likert.find((l) => l.id === 'example-scale:a')).toMatchObject({
			pre: 2,
			post: 4,
			change: 2
		});
		expect(ev.paired.likert.find((l) => l.id === 'example-scale:b')).toMatchObject({
			pre: 2,
			post: 4,
			change: 2
		});
		expect(ev.pre.items.find((i) => i.id === 'example-scale:b')).toMatchObject({
			mean: 2,
			counts: [0, 6, 0, 0, 0]
		});
		expect(ev.post.items.find((i) => i.id === 'example-scale:b')).toMatchObject({ mean: 4 });
		const csv = reportCsv(r.report, 'en', r.questionnaireText);
		expect(csv).toContain('Second made-up statement.,2 | 4 | 2');
	});

	it("a pack item is named by its wording in the viewer's language, else the pack's first, in pages and CSV", async () => {
		const r = await packReport();
		const change = (locale: string) =>
			reportFigures(r.report, locale, r.questionnaireText).find((f) => f.id === 'change')!;
		expect(change('en').rows).toContainEqual(['Second made-up statement.', '2', '4', '2']);
		expect(change('cs').rows).toContainEqual(['Druhé vymyšlené tvrzení.', '2', '4', '2']);
		expect(change('cs').rows).toContainEqual(['First made-up statement.', '2', '4', '2']);
		expect(change('uk').rows).toContainEqual(['First made-up statement.', '2', '4', '2']);
		expect(change('en').chart?.kind).toBe('change');
		const csv = reportCsv(r.report, 'cs', r.questionnaireText);
		expect(csv).toContain('Druhé vymyšlené tvrzení.,2 | 4 | 2');
		expect(csv).toContain('First made-up statement.,2 | 4 | 2');
		expect(csv).not.toContain('example-scale:');
	});
});

/* A made-up pack in the format (no published instrument's wording); b is reverse-keyed. */
const PACK = `
slug: example-scale
name: Example attitudes scale
citation: Made up for a test.
licence: Test only.
scoring: Mean of items; item b is reverse-keyed.
scale:
  labels:
    en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
items:
  - { id: a, text: { en: First made-up statement. } }
  - { id: b, reverse: true, text: { en: Second made-up statement., cs: Druhé vymyšlené tvrzení. } }
`;

/*
 * A group of 6 in an organisation with the pack enabled. Item b is reverse-keyed: answered 4
 * before and 2 after, it scores 2 → 4 on the 5-point scale, like item a answered 2 → 4.
 */
let packReportOnce: ReturnType<typeof loadReport> | undefined;
function packReport() {
	packReportOnce ??= (async () => {
		const c = await runCohort(6, 'Pack', {
			pre: { 'example-scale:a': 2, 'example-scale:b': 4 },
			post: { 'example-scale:a': 4, 'example-scale:b': 2 }
		});
		const by = null as unknown as string;
		await loadInstrumentPack(h.db, { organisationId: c.org.id, source: PACK, by });
		const [pack] = await listInstrumentPacks(h.db, c.org.id);
		await setInstrumentPermission(h.db, {
			organisationId: c.org.id,
			packId: pack.id,
			by,
			enable: true,
			confirmed: true
		});
		return loadReport(h.db, { organisationId: c.org.id, cohortId: c.cohort.id });
	})();
	return packReportOnce;
}
