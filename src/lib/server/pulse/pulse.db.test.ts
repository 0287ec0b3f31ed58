import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { pulseAnswers, pulseRespondents } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { answerPulse } from './answer-pulse.ts';
import { listPulseAnswers } from './pulse.queries.ts';
import { summarisePulse } from './pulse-summary.ts';
import { getTableColumns } from 'drizzle-orm';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	await h?.close();
});

const values = (n: number, comment: string | null = null) => ({
	useful: n,
	pace: 2,
	ableToPass: null,
	safeToShare: 5,
	comment
});

describe('feedback pulse', () => {
	it('once per person, only while open, and shown to facilitators only from 5 answers', async () => {
		const { org, cohort } = await makeCohort(h.db, { cfg, auth });
		const people = [];
		for (let i = 0; i < 6; i++) {
			const p = await makePerson(h.db, auth, { organisationId: org.id });
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: p.id, via: 'invitation' });
			people.push(p);
		}
		const [s1] = await listSessions(h.db, cohort.id);
		const after = new Date(s1.endsAt.getTime() + 60_000);
		const answer = (userId: string, v = values(4), now = after) =>
			answerPulse(h.db, { cohortId: cohort.id, number: 1, userId, values: v, now });

		// Before the session starts, and more than three days after it ends: closed.
		expect(await answer(people[0].id, values(4), new Date(s1.startsAt.getTime() - 60_000))).toEqual(
			{
				ok: false,
				reason: 'closed'
			}
		);
		expect(
			await answer(people[0].id, values(4), new Date(s1.endsAt.getTime() + 3 * 86_400_000 + 1))
		).toEqual({ ok: false, reason: 'closed' });
		// Someone without a place cannot answer.
		const outsider = await makePerson(h.db, auth, { organisationId: org.id });
		expect(await answer(outsider.id)).toEqual({ ok: false, reason: 'not-found' });

		for (let i = 0; i < 4; i++) {
			expect(
				await answer(people[i].id, values(i + 1, i === 0 ? 'More breaks, please' : null))
			).toEqual({
				ok: true
			});
		}
		// Answering twice: refused, and nothing more stored.
		expect(await answer(people[0].id)).toEqual({ ok: false, reason: 'already-answered' });
		expect(await listPulseAnswers(h.db, [s1.id])).toHaveLength(4);
		expect(summarisePulse(await listPulseAnswers(h.db, [s1.id]), 5)).toEqual({ shown: false });

		expect(await answer(people[4].id)).toEqual({ ok: true });
		const shown = summarisePulse(await listPulseAnswers(h.db, [s1.id]), 5);
		if (!shown.shown) throw new Error('should be shown from 5 answers');
		expect(shown.count).toBe(5);
		expect(shown.items.find((i) => i.item === 'ableToPass')!.skipped).toBe(5);
		expect(shown.comments).toEqual(['More breaks, please']);
		// An organisation that set a larger smallest group sees nothing yet.
		expect(summarisePulse(await listPulseAnswers(h.db, [s1.id]), 6)).toEqual({ shown: false });
	});

	it('answer rows hold no person and no time; who answered holds no answer', () => {
		expect(Object.keys(getTableColumns(pulseAnswers)).sort()).toEqual(
			['ableToPass', 'cohortSessionId', 'comment', 'id', 'pace', 'safeToShare', 'useful'].sort()
		);
		expect(Object.keys(getTableColumns(pulseRespondents)).sort()).toEqual([
			'cohortSessionId',
			'userId'
		]);
	});
});
