import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { enrolments, users } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { liveView } from './live-view.ts';
import { sessionRecord } from './session-record.ts';
import type { LiveSubject } from './live-access.ts';

/*
 * The live room's privacy promises, checked on the database rather than through a browser:
 * what each person's view contains while an activity runs, and that the session record keeps
 * what the group shared without ever naming who shared it.
 */

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

describe('what the live room shows, and what stays', () => {
	it('private words stay with their writer; the record names nobody and keeps only what was shown', async () => {
		const live = await makeLiveSession(h.db, { cfg, auth, participants: 3 });
		const { people, act, answer } = live;
		// Names, display names and addresses that must never appear in a view or the record.
		const secrets: string[] = [];
		for (const [i, p] of people.entries()) {
			const name = `Quillon Verbridge-${i}`;
			await h.db.update(users).set({ name }).where(eq(users.id, p.id));
			await h.db
				.update(enrolments)
				.set({ displayName: `Ysolde ${i}` })
				.where(eq(enrolments.id, p.enrolmentId));
			secrets.push(name, `Ysolde ${i}`, p.email, p.id, p.enrolmentId);
		}
		const ctx = (await loadCohortContext(h.db, live.cohort.id))!;
		const subject: LiveSubject = {
			sessionId: live.s1.id,
			pkg: ctx.pkg,
			number: 1,
			structure: live.structure,
			cohortId: live.cohort.id,
			locale: 'en'
		};
		const view = (who: { enrolmentId: string } | 'facilitator') =>
			liveView(h.db, {
				...subject,
				enrolmentId: who === 'facilitator' ? null : who.enrolmentId,
				facilitator: who === 'facilitator'
			});

		// Check-in: one word, one pass; revealed.
		await act({ type: 'start' });
		await answer(people[0], 'welcome', { word: 'hopeful' });
		await answer(people[1], 'welcome', {}, { pass: true });
		expect((await view(people[2])).results).toBeNull(); // not revealed yet
		await act({ type: 'reveal' });
		// A poll that is answered but never shown to the group.
		await act({ type: 'next' });
		await act({ type: 'next' });
		await act({ type: 'start' });
		expect(await answer(people[0], 'what-is-recovery', { options: ['good-life'] })).toMatchObject({
			ok: true
		});
		// A private reflection: "only you can read it".
		for (let i = 0; i < 3; i++) await act({ type: 'next' });
		expect((await view(people[0])).block.id).toBe('chime-reflection');
		await act({ type: 'start' });
		expect(
			await answer(people[0], 'chime-reflection', { text: 'my unshared reflection', share: true })
		).toMatchObject({ ok: true });
		// The writer's own view knows it was answered; no view carries the words themselves.
		expect((await view(people[0])).mine).toEqual({ passed: false });
		for (const other of [await view(people[0]), await view(people[1]), await view('facilitator')]) {
			expect(JSON.stringify(other)).not.toContain('my unshared reflection');
		}
		await act({ type: 'reveal' });
		expect(JSON.stringify(await view('facilitator'))).not.toContain('my unshared reflection');
		// A word cloud, revealed.
		await act({ type: 'next' });
		await act({ type: 'start' });
		await answer(people[1], 'recovery-and-wellbeing', { words: ['courage'] });
		await act({ type: 'reveal' });

		for (const who of [...people, 'facilitator' as const]) {
			const json = JSON.stringify(await view(who));
			for (const s of secrets) expect(json, `a view names ${s}`).not.toContain(s);
		}
		const record = await sessionRecord(h.db, subject);
		expect(record.map((r) => r.blockId)).toEqual([
			'welcome',
			'chime-reflection',
			'recovery-and-wellbeing'
		]);
		const json = JSON.stringify(record);
		expect(json).toContain('hopeful');
		expect(json).toContain('courage');
		expect(json).not.toContain('my unshared reflection');
		expect(json).not.toContain('good-life'); // the poll was never shown to the group
		for (const s of secrets) expect(json, `the record names ${s}`).not.toContain(s);
		const welcome = record.find((r) => r.blockId === 'welcome')!;
		expect(welcome.results).toMatchObject({ answered: 1, passed: 1 });
	});
});
