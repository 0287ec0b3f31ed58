import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { liveAnswers, liveEvents } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { submitAnswer } from './submit-answer.ts';
import { insertLiveEvents } from './live-events.queries.ts';

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

/** A cohort with `n` participants and its first session's check-in started. */
async function openCheckIn(n: number) {
	const live = await makeLiveSession(h.db, { cfg, auth, participants: n });
	const act = (type: 'start' | 'close') => live.act({ type });
	expect(await act('start')).toEqual({ ok: true });
	const announced: string[] = [];
	const answer = (enrolmentId: string, clientId = randomUUID()) =>
		live.answer(
			{ enrolmentId },
			'welcome',
			{ word: 'hopeful' },
			{
				clientId,
				announce: async (s) => void announced.push(s)
			}
		);
	const people = live.people.map((p) => p.enrolmentId);
	return { s1: live.s1, structure: live.structure, people, act, answer, announced };
}

const answersOf = (sessionId: string) =>
	h.db.select().from(liveAnswers).where(eq(liveAnswers.cohortSessionId, sessionId));
const answeredEvents = (sessionId: string) =>
	h.db
		.select()
		.from(liveEvents)
		.where(and(eq(liveEvents.cohortSessionId, sessionId), eq(liveEvents.kind, 'answered')));

describe('answers written together', () => {
	it('a burst from two groups, with resends, is stored once each and announced per group', async () => {
		const a = await openCheckIn(18);
		const b = await openCheckIn(18);
		const ids = [...a.people, ...b.people].map(() => randomUUID());
		const results = await Promise.all([
			...a.people.map((p, i) => a.answer(p, ids[i])),
			...b.people.map((p, i) => b.answer(p, ids[18 + i])),
			// Every third person's browser sends the same answer again while the first is in flight.
			...a.people.filter((_, i) => i % 3 === 0).map((p) => a.answer(p, ids[a.people.indexOf(p)]))
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		// Exactly one of the two posts with the same client id reports storing it.
		expect(results.filter((r) => r.ok && r.stored)).toHaveLength(36);
		expect(await answersOf(a.s1.id)).toHaveLength(18);
		expect(await answersOf(b.s1.id)).toHaveLength(18);
		// Far fewer events than answers: facilitators' counters are told per batch, not per answer.
		const events = (await answeredEvents(a.s1.id)).length;
		expect(events).toBeGreaterThanOrEqual(1);
		expect(events).toBeLessThan(18);
		expect(new Set(a.announced)).toEqual(new Set([a.s1.id]));
		expect(a.announced.length).toBe(events);
	});

	it('answers racing a close are either stored before it or refused, never stored after', async () => {
		const a = await openCheckIn(18);
		const [results, closed] = await Promise.all([
			Promise.all(a.people.map((p) => a.answer(p))),
			a.act('close')
		]);
		expect(closed).toEqual({ ok: true });
		const storedCount = results.filter((r) => r.ok && r.stored).length;
		const refused = results.filter((r) => !r.ok);
		expect(storedCount + refused.length).toBe(18);
		for (const r of refused) {
			expect(r).toEqual({ ok: false, status: 409, reason: 'live_activity_closed' });
		}
		expect(await answersOf(a.s1.id)).toHaveLength(storedCount);
		// After the close, a late answer is refused and nothing is written.
		expect(await a.answer(a.people[0])).toMatchObject({ ok: false, status: 409 });
		expect(await answersOf(a.s1.id)).toHaveLength(storedCount);
	});

	it('an answer for another block than the running one is refused without a trace', async () => {
		const a = await openCheckIn(2);
		const before = (await answeredEvents(a.s1.id)).length;
		const r = await submitAnswer(h.db, {
			sessionId: a.s1.id,
			structure: a.structure,
			enrolmentId: a.people[0],
			clientId: randomUUID(),
			blockId: 'no-such-block',
			pass: true,
			fields: {},
			announce: async () => {}
		});
		expect(r).toMatchObject({ ok: false, status: 409 });
		expect(await answersOf(a.s1.id)).toHaveLength(0);
		expect((await answeredEvents(a.s1.id)).length).toBe(before);
	});

	it('one answer that cannot be stored does not fail the others sent with it', async () => {
		const a = await openCheckIn(6);
		const ghost = randomUUID(); // an enrolment that does not exist (removed a moment ago)
		const results = await Promise.allSettled([
			...a.people.map((p) => a.answer(p)),
			a.answer(ghost)
		]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		expect(ok).toHaveLength(6);
		for (const r of ok) expect(r.value).toEqual({ ok: true, stored: true });
		expect(results.at(-1)!.status).toBe('rejected');
		expect(await answersOf(a.s1.id)).toHaveLength(6);
	});

	it('writers of one session queue for its events, so ids commit in the order they were taken', async () => {
		const a = await openCheckIn(2);
		const order: string[] = [];
		let releaseFirst!: () => void;
		const held = new Promise<void>((r) => (releaseFirst = r));
		// The first writer takes an id and holds its transaction open.
		const hidden = {
			sessionId: a.s1.id,
			event: { kind: 'hidden', payload: { id: 'x', blockId: 'welcome' } }
		} as const;
		const first = h.db.transaction(async (tx) => {
			const [id] = await insertLiveEvents(tx, [hidden]);
			await held;
			order.push(`first ${id}`);
			return id;
		});
		await new Promise((r) => setTimeout(r, 100));
		// The second must wait for the first to commit, and so gets the later id.
		const second = h.db.transaction(async (tx) => {
			const [id] = await insertLiveEvents(tx, [hidden]);
			order.push(`second ${id}`);
			return id;
		});
		await new Promise((r) => setTimeout(r, 200));
		expect(order).toEqual([]);
		releaseFirst();
		const [id1, id2] = await Promise.all([first, second]);
		expect(id2).toBeGreaterThan(id1);
		expect(order).toEqual([`first ${id1}`, `second ${id2}`]);
	});
});
