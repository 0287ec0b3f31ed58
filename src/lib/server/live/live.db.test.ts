import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/client.ts';
import { liveAnswers, liveEvents, liveRespondents } from '../db/schema/index.ts';
import { signalMoment, upvote } from './submit-answer.ts';
import { findLiveState, findPersonalSnapshot } from './live.queries.ts';
import {
	findLatestLiveEventId,
	insertLiveEvents,
	listLiveEventsAfter,
	type StoredLiveEvent
} from './live-events.queries.ts';
import { LiveHub } from './live-hub.ts';
import { resultsFor } from './results.ts';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
	await h?.close();
});

const liveSession = (participants?: number) => makeLiveSession(h.db, { cfg, auth, participants });
const announce = async () => {};

describe('live session', () => {
	it('"Begin the session" begins it once, at the first part; a signal acknowledged before does not begin it', async () => {
		const { s1, act, people } = await liveSession();
		// A participant who came in early needs a moment; acknowledging it begins nothing.
		const momentId = randomUUID();
		await signalMoment(h.db, {
			sessionId: s1.id,
			enrolmentId: people[0].enrolmentId,
			clientId: momentId,
			name: 'P0',
			announce
		});
		expect(await act({ type: 'ack', id: momentId })).toEqual({ ok: true });
		expect(await findLiveState(h.db, s1.id)).toBeUndefined();

		const from = await findLatestLiveEventId(h.db, s1.id);
		expect(await act({ type: 'begin' })).toEqual({ ok: true });
		const state = (await findLiveState(h.db, s1.id))!;
		expect(state.blockIndex).toBe(0); // the first part, not the second
		const events = await listLiveEventsAfter(h.db, s1.id, from, { facilitator: false });
		expect(events.map((e) => e.kind)).toEqual(['state']);
		// A second facilitator pressing it too (or the same form sent twice): nothing changes.
		await act({ type: 'next' });
		expect(await act({ type: 'begin' })).toEqual({ ok: true });
		expect((await findLiveState(h.db, s1.id))!.blockIndex).toBe(1);
		expect((await findLiveState(h.db, s1.id))!.startedAt).toEqual(state.startedAt);
		expect(
			(await listLiveEventsAfter(h.db, s1.id, from, { facilitator: true })).map((e) => e.kind)
		).toEqual(['state', 'state']);
	});

	it('a check-in: answers stored once per client id, pass is an answer, closed activities refuse', async () => {
		const { s1, act, answer, people } = await liveSession();
		expect(await act({ type: 'start' })).toEqual({ ok: true }); // block 1 "welcome" is a check-in
		const id = randomUUID();
		expect(await answer(people[0], 'welcome', { word: 'curious' }, { clientId: id })).toEqual({
			ok: true,
			stored: true
		});
		// The same submission again (a retry, a double click): stored once.
		expect(await answer(people[0], 'welcome', { word: 'curious' }, { clientId: id })).toEqual({
			ok: true,
			stored: false
		});
		expect(await answer(people[1], 'welcome', {}, { pass: true })).toEqual({
			ok: true,
			stored: true
		});
		const before = await findLatestLiveEventId(h.db, s1.id);
		// Bad input: oversized, markup, unknown block; nothing stored, no event.
		expect(await answer(people[2], 'welcome', { word: 'x'.repeat(41) })).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await answer(people[2], 'welcome', { word: '<b>hi</b>' })).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await answer(people[2], 'no-such-block', { word: 'hi' })).toMatchObject({
			ok: false,
			status: 409
		});
		expect(await act({ type: 'close' })).toEqual({ ok: true });
		const afterClose = await findLatestLiveEventId(h.db, s1.id);
		expect(afterClose).toBe(before + 1);
		expect(await answer(people[2], 'welcome', { word: 'late' })).toMatchObject({
			ok: false,
			status: 409
		});
		expect(await findLatestLiveEventId(h.db, s1.id)).toBe(afterClose);
		const rows = await h.db
			.select()
			.from(liveAnswers)
			.where(eq(liveAnswers.cohortSessionId, s1.id));
		expect(rows.map((r) => [r.passed, r.payload])).toEqual([
			[false, { word: 'curious' }],
			[true, {}]
		]);
		// Revealing sends the results (counts, never names) to everyone.
		expect(await act({ type: 'reveal' })).toEqual({ ok: true });
		const events = await listLiveEventsAfter(h.db, s1.id, afterClose, { facilitator: false });
		const results = events.find((e) => e.kind === 'results')!;
		expect(results.payload).toEqual({
			blockId: 'welcome',
			results: { answered: 1, passed: 1, counts: [{ key: 'curious', count: 1 }], texts: [] }
		});
		expect(JSON.stringify(events)).not.toContain(people[0].id);
	});

	it('anonymous polls keep no link to the person; "I need a moment" reaches facilitators only', async () => {
		const { s1, act, answer, people } = await liveSession();
		await act({ type: 'next' });
		await act({ type: 'next' }); // "what-is-recovery": an anonymous, multiple-choice poll
		await act({ type: 'start' });
		expect(
			await answer(people[0], 'what-is-recovery', { options: ['good-life', 'belonging-again'] })
		).toEqual({
			ok: true,
			stored: true
		});
		expect(await answer(people[1], 'what-is-recovery', { options: ['made-up'] })).toMatchObject({
			status: 400
		});
		const [row] = await h.db
			.select()
			.from(liveAnswers)
			.where(eq(liveAnswers.cohortSessionId, s1.id));
		expect(row.enrolmentId).toBeNull();
		// Once per person all the same: a second tab (a new client id) stores nothing more, and
		// the person's own page knows they answered, from a row that holds no answer.
		expect(await answer(people[0], 'what-is-recovery', { options: ['belonging-again'] })).toEqual({
			ok: true,
			stored: false
		});
		expect(await answer(people[0], 'what-is-recovery', {}, { pass: true })).toEqual({
			ok: true,
			stored: false
		});
		expect(
			await h.db.select().from(liveAnswers).where(eq(liveAnswers.cohortSessionId, s1.id))
		).toHaveLength(1);
		const respondents = await h.db
			.select()
			.from(liveRespondents)
			.where(eq(liveRespondents.cohortSessionId, s1.id));
		expect(respondents).toEqual([
			{
				cohortSessionId: s1.id,
				blockId: 'what-is-recovery',
				enrolmentId: people[0].enrolmentId,
				passed: false
			}
		]);
		const own = await findPersonalSnapshot(h.db, {
			sessionId: s1.id,
			blockId: 'what-is-recovery',
			enrolmentId: people[0].enrolmentId
		});
		expect(own.mine).toEqual({ passed: false });
		expect(own.own).toEqual({ answered: ['what-is-recovery'], passed: [] });
		// Someone else passing is theirs alone.
		expect(await answer(people[1], 'what-is-recovery', {}, { pass: true })).toEqual({
			ok: true,
			stored: true
		});
		const other = await findPersonalSnapshot(h.db, {
			sessionId: s1.id,
			blockId: 'what-is-recovery',
			enrolmentId: people[1].enrolmentId
		});
		expect(other.own).toEqual({ answered: [], passed: ['what-is-recovery'] });

		const from = await findLatestLiveEventId(h.db, s1.id);
		const momentId = randomUUID();
		expect(
			await signalMoment(h.db, {
				sessionId: s1.id,
				enrolmentId: people[2].enrolmentId,
				clientId: momentId,
				name: 'P2',
				announce
			})
		).toBe(true);
		expect(
			await signalMoment(h.db, {
				sessionId: s1.id,
				enrolmentId: people[2].enrolmentId,
				clientId: momentId,
				name: 'P2',
				announce
			})
		).toBe(false);
		expect(
			(await listLiveEventsAfter(h.db, s1.id, from, { facilitator: false })).map((e) => e.kind)
		).toEqual([]);
		expect(
			(await listLiveEventsAfter(h.db, s1.id, from, { facilitator: true })).map((e) => e.kind)
		).toEqual(['moment']);
		expect(await act({ type: 'ack', id: momentId })).toEqual({ ok: true });
		expect(await act({ type: 'ack', id: momentId })).toEqual({ ok: false, reason: 'not-found' });
		expect(await act({ type: 'ack', id: randomUUID() })).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	it('streams miss nothing: replay from the last id, then live delivery in order, once', async () => {
		const { s1, act } = await liveSession();
		const hub = new LiveHub(h);
		await hub.start();
		cleanups.push(() => hub.stop());
		const got: StoredLiveEvent[] = [];
		const unsubscribe = await hub.subscribe(s1.id, {
			facilitator: false,
			send: (e) => got.push(e)
		});
		for (let i = 0; i < 5; i++) {
			await act({ type: 'next' });
			await hub.announce(s1.id);
		}
		await hub.deliver(s1.id);
		expect(got.map((e) => e.kind)).toEqual(['state', 'state', 'state', 'state', 'state']);
		expect(got.map((e) => e.kind === 'state' && e.payload.blockIndex)).toEqual([1, 2, 3, 4, 5]);
		// A client that saw only the first two replays the rest from the database.
		const replay = await listLiveEventsAfter(h.db, s1.id, got[1].id, { facilitator: false });
		expect(replay.map((e) => e.id)).toEqual(got.slice(2).map((e) => e.id));
		unsubscribe();
	});

	it('events written on one instance reach streams on another', async () => {
		const { s1 } = await liveSession();
		const other = await openDb(h.url, { migrate: false, max: 2 });
		cleanups.push(() => other.close());
		const hubA = new LiveHub(h);
		const hubB = new LiveHub(other);
		await hubA.start();
		await hubB.start();
		cleanups.push(
			() => hubA.stop(),
			() => hubB.stop()
		);
		const got: number[] = [];
		await hubB.subscribe(s1.id, { facilitator: true, send: (e) => got.push(e.id) });
		const ids = [];
		for (let i = 0; i < 10; i++) {
			const answered = { kind: 'answered', payload: { blockId: `b${i}` } } as const;
			ids.push(...(await insertLiveEvents(h.db, [{ sessionId: s1.id, event: answered }])));
			await hubA.announce(s1.id);
		}
		const end = Date.now() + 5000;
		while (got.length < 10 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
		expect(got).toEqual(ids);
		const rows = await h.db.select().from(liveEvents).where(eq(liveEvents.cohortSessionId, s1.id));
		expect(rows).toHaveLength(10);
	});

	it('Q&A upvotes count once per person and order the questions', async () => {
		const {
			s1: s2,
			structure,
			people,
			act,
			answer
		} = await makeLiveSession(h.db, {
			cfg,
			auth,
			session: 2
		});
		const qa = structure.blocks.findIndex((b) => b.activity?.type === 'qa');
		const blockId = structure.blocks[qa].id;
		for (let i = 0; i < qa; i++) await act({ type: 'next' });
		await act({ type: 'start' });
		const q1 = randomUUID();
		const q2 = randomUUID();
		for (const [p, id, text] of [
			[people[0], q1, 'How do I start?'],
			[people[1], q2, 'Where is the map?']
		] as const) {
			await answer(p, blockId, { text }, { clientId: id });
		}
		const vote = (p: (typeof people)[number], answerId: string) =>
			upvote(h.db, { sessionId: s2.id, structure, enrolmentId: p.enrolmentId, answerId, announce });
		// Not before the questions are shown to the group.
		expect(await vote(people[2], q2)).toMatchObject({ ok: false, status: 409 });
		await act({ type: 'reveal' });
		expect(await vote(people[2], q2)).toEqual({ ok: true, stored: true });
		expect(await vote(people[2], q2)).toEqual({ ok: true, stored: false });
		expect(await vote(people[0], q2)).toEqual({ ok: true, stored: true });
		expect(await vote(people[1], randomUUID())).toMatchObject({ ok: false, status: 409 });
		const r = await resultsFor(h.db, s2.id, blockId, structure.blocks[qa].activity!);
		expect(r.texts.map((t) => [t.text, t.votes])).toEqual([
			['Where is the map?', 2],
			['How do I start?', 0]
		]);
	});
});
