import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { answerEvaluation } from './answer-evaluation.ts';
import { listEvaluationResponses } from './evaluation.queries.ts';
import { summariseEvaluation } from './evaluation-summary.ts';
import { readEvaluationAnswers } from './evaluation-answers.ts';
import { sendEvaluationReminders } from './send-evaluation-reminders.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { eq } from 'drizzle-orm';

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

async function cohortOf(n: number) {
	const c = await makeCohort(h.db, { cfg, auth });
	const people = [];
	for (let i = 0; i < n; i++) {
		const p = await makePerson(h.db, auth, { organisationId: c.org.id });
		await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
		people.push(p);
	}
	const sessions = await listSessions(h.db, c.cohort.id);
	const ctx = (await loadCohortContext(h.db, c.cohort.id))!;
	return { ...c, people, sessions, q: ctx.pkg.evaluation!.structure };
}

/* Pre: knowledge partly right, low confidence; post: all right, higher confidence. */
const preAnswers = (i: number) => ({
	'k-recovery': 'b',
	'k-chime': i % 2 ? 'a' : 'c',
	'c-explain': 2,
	'a-belonging': 4,
	'o-recovery-means': `Getting my life back, ${i}`
});
const postAnswers = () => ({
	'k-recovery': 'b',
	'k-chime': 'a',
	'k-community': 'c',
	'k-experiential': 'b',
	'k-core-acts': 'd',
	'k-first-step': 'a',
	'c-explain': 4,
	'a-belonging': 5
});

describe('pre/post evaluation', () => {
	it('pairs pre and post through the pseudonym; windows, once-only and small groups hold', async () => {
		const { cohort, people, sessions, q } = await cohortOf(6);
		const beforeStart = new Date(sessions[0].startsAt.getTime() - HOUR);
		const afterEnd = new Date(sessions[3].endsAt.getTime() + HOUR);
		const answer = (i: number, phase: 'pre' | 'post', answers: object, now: Date) =>
			answerEvaluation(h.db, cfg, {
				cohortId: cohort.id,
				phase,
				userId: people[i].id,
				answers: answers as Record<string, string | number>,
				now
			});
		for (let i = 0; i < 6; i++) {
			expect(await answer(i, 'pre', preAnswers(i), beforeStart)).toEqual({ ok: true });
		}
		expect(await answer(0, 'pre', preAnswers(0), beforeStart)).toEqual({
			ok: false,
			reason: 'already-answered'
		});
		// Pre closes when session 1 starts; post opens only when session 4 ends.
		const late = await cohortOf(1);
		expect(
			await answerEvaluation(h.db, cfg, {
				cohortId: late.cohort.id,
				phase: 'pre',
				userId: late.people[0].id,
				answers: {},
				now: new Date(late.sessions[0].startsAt.getTime() + 1)
			})
		).toEqual({ ok: false, reason: 'closed' });
		expect(await answer(1, 'post', postAnswers(), beforeStart)).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect(
			await answer(
				1,
				'post',
				postAnswers(),
				new Date(sessions[3].endsAt.getTime() + 15 * 24 * HOUR)
			)
		).toEqual({ ok: false, reason: 'closed' });

		for (let i = 0; i < 4; i++) {
			expect(await answer(i, 'post', postAnswers(), afterEnd)).toEqual({ ok: true });
		}
		let s = summariseEvaluation(q, await listEvaluationResponses(h.db, [cohort.id]), 5);
		expect(s.pre.shown).toBe(true);
		expect(s.post).toEqual({ shown: false });
		expect(s.paired).toEqual({ shown: false });

		await answer(4, 'post', postAnswers(), afterEnd);
		s = summariseEvaluation(q, await listEvaluationResponses(h.db, [cohort.id]), 5);
		if (!s.paired.shown) throw new Error('5 pairs should be shown');
		expect(s.paired.pairs).toBe(5);
		expect(s.paired.knowledge.post).toBe(6);
		expect(s.paired.knowledge.change).toBeGreaterThan(3);
		const explain = s.paired.likert.find((l) => l.id === 'c-explain');
		expect(explain).toMatchObject({ shown: true, n: 5, pre: 2, post: 4, change: 2 });
		// An item too few answered both times stays hidden.
		expect(s.paired.likert.find((l) => l.id === 'a-meaningful-life')).toEqual({
			id: 'a-meaningful-life',
			shown: false
		});
		if (!s.pre.shown) throw new Error('pre shown');
		expect(s.pre.open[0].answers).toHaveLength(6);
	});

	it('reads answers strictly: out-of-range values, unknown options and 10,000 characters are refused', async () => {
		const { q } = await cohortOf(0);
		const form = (o: Record<string, string>) => {
			const f = new FormData();
			for (const [k, v] of Object.entries(o)) f.set(k, v);
			return f;
		};
		expect(readEvaluationAnswers(q, form({ 'c-explain': '6' }))).toMatchObject({
			ok: false,
			errors: { 'c-explain': 'error_choice' }
		});
		expect(readEvaluationAnswers(q, form({ 'k-chime': 'e' }))).toMatchObject({
			ok: false,
			errors: { 'k-chime': 'error_choice' }
		});
		expect(readEvaluationAnswers(q, form({ 'o-take-away': 'x'.repeat(10_000) }))).toMatchObject({
			ok: false,
			errors: { 'o-take-away': 'error_too_long:2000' }
		});
		expect(
			readEvaluationAnswers(q, form({ 'c-explain': '', 'k-chime': 'a', forged: 'x' }))
		).toEqual({ ok: true, answers: { 'k-chime': 'a' } });
	});

	it('an admin querying the database cannot join an evaluation answer to a person', async () => {
		const { cohort, people, sessions } = await cohortOf(5);
		for (const p of people) {
			await answerEvaluation(h.db, cfg, {
				cohortId: cohort.id,
				phase: 'pre',
				userId: p.id,
				answers: { 'c-explain': 3 },
				now: new Date(sessions[0].startsAt.getTime() - HOUR)
			});
		}
		// 1. The answer table has no column naming a person, an enrolment or a time.
		const cols = (await h.db.execute(sql`
			select column_name, data_type from information_schema.columns
			where table_schema = 'public' and table_name = 'evaluation_responses' order by 1`)) as unknown as {
			column_name: string;
			data_type: string;
		}[];
		expect(cols.map((c) => c.column_name)).toEqual([
			'answers',
			'cohort_id',
			'id',
			'phase',
			'pseudonym',
			'questionnaire'
		]);
		expect(cols.some((c) => c.data_type.startsWith('timestamp'))).toBe(false);
		// 2. Its only foreign key is to the cohort.
		const fks = (await h.db.execute(sql`
			select ccu.table_name from information_schema.table_constraints tc
			join information_schema.constraint_column_usage ccu using (constraint_name, table_schema)
			where tc.table_name = 'evaluation_responses' and tc.constraint_type = 'FOREIGN KEY'`)) as unknown as {
			table_name: string;
		}[];
		expect(fks.map((f) => f.table_name)).toEqual(['cohorts']);
		// 3. No other column of any table holds a pseudonym, an answer row's id, or its answers:
		//    there is nothing to join on. (Every text-like column of every table is searched.)
		const [row] = (await h.db.execute(
			sql`select id::text as id, pseudonym from evaluation_responses where cohort_id = ${cohort.id} limit 1`
		)) as unknown as { id: string; pseudonym: string }[];
		const textCols = (await h.db.execute(sql`
			select table_name, column_name from information_schema.columns
			where table_schema = 'public'
			  and data_type in ('text', 'uuid', 'jsonb', 'character varying')
			  and table_name <> 'evaluation_responses'`)) as unknown as {
			table_name: string;
			column_name: string;
		}[];
		for (const c of textCols) {
			const hits = (await h.db.execute(
				sql`select count(*)::int as n from ${sql.identifier(c.table_name)}
				    where ${sql.identifier(c.column_name)}::text like ${'%' + row.pseudonym + '%'}
				       or ${sql.identifier(c.column_name)}::text = ${row.id}`
			)) as unknown as { n: number }[];
			expect(hits[0].n, `${c.table_name}.${c.column_name}`).toBe(0);
		}
		// 4. Who responded is known (for reminders), but that table holds no answers or pseudonym.
		const rcols = (await h.db.execute(sql`
			select column_name from information_schema.columns
			where table_schema = 'public' and table_name = 'evaluation_respondents' order by 1`)) as unknown as {
			column_name: string;
		}[];
		expect(rcols.map((c) => c.column_name)).toEqual(['cohort_id', 'phase', 'user_id']);
		// 5. The pseudonym is not a plain hash of anything the database holds about the person.
		const { createHash } = await import('node:crypto');
		for (const p of people) {
			for (const v of [p.id, `${p.id}${cohort.id}`, `${p.id}\0${cohort.id}`, p.email]) {
				expect(createHash('sha256').update(v).digest('base64url')).not.toBe(row.pseudonym);
			}
		}
	});

	it('reminds those who have not answered, once, through the outbox', async () => {
		const { cohort, people, sessions } = await cohortOf(3);
		const dayBefore = new Date(sessions[0].startsAt.getTime() - 24 * HOUR);
		await answerEvaluation(h.db, cfg, {
			cohortId: cohort.id,
			phase: 'pre',
			userId: people[0].id,
			answers: {},
			now: dayBefore
		});
		const mails = () =>
			h.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'evaluation-pre'));
		expect(await sendEvaluationReminders(h.db, cfg, dayBefore)).toBeGreaterThanOrEqual(2);
		expect(await sendEvaluationReminders(h.db, cfg, dayBefore)).toBe(0);
		const sent = (await mails()).filter((e) => e.cohortId === cohort.id);
		expect(sent.map((e) => e.toAddress).sort()).toEqual([people[1].email, people[2].email].sort());
		expect(sent[0].textBody).toContain(`/cohorts/${cohort.id}/evaluation/pre`);
	});
});
