import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { randomUUID } from 'node:crypto';
import { findLiveState } from './live.queries.ts';
import { findLatestLiveEventId, listLiveEventsAfter } from './live-events.queries.ts';
import { facilitate } from './facilitate.ts';
import { assignBreakouts } from './breakouts.ts';

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

describe('breakout groups', () => {
	it('breakouts put everyone with a place in a group, pairs by language keep languages together', async () => {
		const { s1, act, people } = await liveSession();
		for (let i = 0; i < 10; i++) await act({ type: 'next' }); // "strengths-pairs"
		expect(await act({ type: 'breakout', mode: 'pairs' })).toEqual({ ok: true });
		const state = (await findLiveState(h.db, s1.id))!;
		const members = state.breakout!.groups.flatMap((g) => g.members).sort();
		expect(members).toEqual(people.map((p) => p.enrolmentId).sort());
		expect(state.breakout!.groups.map((g) => g.members.length)).toEqual([3]);
		expect(state.timerEndsAt).not.toBeNull();
		// The public event carries group sizes, never who is in which group.
		const [last] = (await listLiveEventsAfter(h.db, s1.id, 0)).slice(-1);
		expect(JSON.stringify(last.payload)).not.toContain(people[0].enrolmentId);
		// Keep-apart wishes hold when they can: in trios of three nobody can be apart, so
		// with pairs-by-draw of three people (one trio) it is impossible — use the console move.
		const moved = await act({
			type: 'move-to-group',
			enrolmentId: people[0].enrolmentId,
			group: 2
		});
		expect(moved).toEqual({ ok: true });
		const after = (await findLiveState(h.db, s1.id))!;
		expect(after.breakout!.groups.map((g) => g.members.length)).toEqual([2, 1]);
		// Not a breakout part: refused.
		await act({ type: 'back' });
		expect(await act({ type: 'breakout', mode: 'trios' })).toEqual({
			ok: false,
			reason: 'no-activity'
		});
	});

	it('facilitators place everyone in groups themselves: each person once, nobody alone', async () => {
		const { s1, act, people, structure, lead } = await liveSession(4);
		const [p0, p1, p2, p3] = people.map((p) => p.enrolmentId);
		const stranger = (await liveSession()).people[0].enrolmentId; // enrolled in another cohort
		for (let i = 0; i < 10; i++) await act({ type: 'next' }); // "strengths-pairs"
		const before = await findLatestLiveEventId(h.db, s1.id);
		const place = (...groups: [string, number][]) =>
			act({
				type: 'manual-breakout',
				groups: groups.map(([enrolmentId, group]) => ({ enrolmentId, group }))
			});
		expect(await place([p0, 1], [p1, 1], [p2, 2], [p3, 2], [p0, 2])).toEqual({
			ok: false,
			reason: 'duplicate-person'
		});
		expect(await place([p0, 1], [p1, 1], [p2, 2], [p3, 2], [stranger, 2])).toEqual({
			ok: false,
			reason: 'unknown-person'
		});
		expect(await place([p0, 1], [p1, 1], [p2, 2], [p3, 2], [randomUUID(), 2])).toEqual({
			ok: false,
			reason: 'unknown-person'
		});
		expect(await place([p0, 1], [p1, 1], [p2, 2])).toEqual({
			ok: false,
			reason: 'missing-person'
		});
		expect(await place([p0, 1], [p1, 1], [p2, 1], [p3, 2])).toEqual({
			ok: false,
			reason: 'alone'
		});
		expect(await findLatestLiveEventId(h.db, s1.id)).toBe(before);
		expect((await findLiveState(h.db, s1.id))!.breakout).toBeNull();

		// Unused numbers close up: groups 2 and 4 become 1 and 2.
		expect(await place([p0, 4], [p1, 2], [p2, 4], [p3, 2])).toEqual({ ok: true });
		const state = (await findLiveState(h.db, s1.id))!;
		expect(state.breakout).toEqual({
			blockId: 'strengths-pairs',
			mode: 'manual',
			groups: [
				{ n: 1, members: [p1, p3] },
				{ n: 2, members: [p0, p2] }
			]
		});
		expect(state.activity?.status).toBe('open');
		expect(state.timerEndsAt).not.toBeNull();
		const events = await listLiveEventsAfter(h.db, s1.id, before);
		expect(events.map((e) => e.kind)).toEqual(['state']);
		expect(events[0].kind === 'state' && events[0].payload.breakoutGroups).toEqual([2, 2]);
		expect(JSON.stringify(events[0].payload)).not.toContain(p0);

		// Re-arranging the running groups keeps their timer.
		const later = new Date(Date.now() + 60_000);
		expect(
			await facilitate(h.db, {
				sessionId: s1.id,
				structure,
				by: lead.id,
				now: later,
				announce: async () => {},
				action: {
					type: 'manual-breakout',
					groups: [p0, p1, p2, p3].map((enrolmentId) => ({ enrolmentId, group: 1 }))
				}
			})
		).toEqual({ ok: true });
		const regrouped = (await findLiveState(h.db, s1.id))!;
		expect(regrouped.breakout!.groups).toEqual([{ n: 1, members: [p0, p1, p2, p3] }]);
		expect(regrouped.timerEndsAt).toEqual(state.timerEndsAt);

		// Not a breakout part: refused.
		await act({ type: 'back' });
		expect(await place([p0, 1], [p1, 1], [p2, 1], [p3, 1])).toEqual({
			ok: false,
			reason: 'no-activity'
		});
	});

	it('keep-apart wishes hold in random pairs', async () => {
		const { s1, people } = await liveSession(4);
		const ids = people.map((p) => p.enrolmentId);
		for (let i = 0; i < 20; i++) {
			const groups = await assignBreakouts(h.db, s1.id, 'pairs', [[ids[0], ids[1]]]);
			expect(groups.some((g) => g.members.includes(ids[0]) && g.members.includes(ids[1]))).toBe(
				false
			);
			expect(groups.flatMap((g) => g.members).sort()).toEqual([...ids].sort());
		}
	});
});
