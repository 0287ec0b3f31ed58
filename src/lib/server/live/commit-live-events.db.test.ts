import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createAuth, type Auth } from '../auth/auth.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { commitLiveEvents } from './commit-live-events.ts';
import { findLatestLiveEventId, listLiveEventsAfter } from './live-events.queries.ts';

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

describe(commitLiveEvents.name, () => {
	it('writes the recorded events in order and announces each session once, after the commit', async () => {
		const a = await makeLiveSession(h.db, { cfg, auth, participants: 1 });
		const b = await makeLiveSession(h.db, { cfg, auth, participants: 1 });
		const announced: { sessionId: string; visible: number }[] = [];
		// What another instance would read when the announcement reaches it.
		const announce = async (sessionId: string) =>
			void announced.push({
				sessionId,
				visible: (await listLiveEventsAfter(h.db, sessionId, 0)).length
			});
		const out = await commitLiveEvents(h.db, announce, async (_tx, events) => {
			events.record(a.s1.id, { kind: 'answered', payload: { blockId: 'welcome' } });
			events.record(b.s1.id, { kind: 'moment-ack', payload: { id: 'm' } });
			events.record(a.s1.id, { kind: 'hidden', payload: { id: 'x', blockId: 'welcome' } });
			return 'done';
		});
		expect(out).toBe('done');
		expect(announced.sort((x, y) => x.sessionId.localeCompare(y.sessionId))).toEqual(
			[
				{ sessionId: a.s1.id, visible: 2 },
				{ sessionId: b.s1.id, visible: 1 }
			].sort((x, y) => x.sessionId.localeCompare(y.sessionId))
		);
		const rows = await listLiveEventsAfter(h.db, a.s1.id, 0);
		expect(rows.map((e) => [e.kind, e.audience])).toEqual([
			['answered', 'facilitators'],
			['hidden', 'all']
		]);
	});

	it('announces nothing when nothing was recorded or the transaction rolled back', async () => {
		const a = await makeLiveSession(h.db, { cfg, auth, participants: 1 });
		const announced: string[] = [];
		const announce = async (s: string) => void announced.push(s);
		const before = await findLatestLiveEventId(h.db, a.s1.id);
		await commitLiveEvents(h.db, announce, async () => 'refused');
		await expect(
			commitLiveEvents(h.db, announce, async (_tx, events) => {
				events.record(a.s1.id, { kind: 'moment-ack', payload: { id: 'm' } });
				throw new Error('rule broken');
			})
		).rejects.toThrow('rule broken');
		expect(announced).toEqual([]);
		expect(await findLatestLiveEventId(h.db, a.s1.id)).toBe(before);
	});

	it('a failed announcement does not undo or fail the committed change', async () => {
		const a = await makeLiveSession(h.db, { cfg, auth, participants: 1 });
		const before = await findLatestLiveEventId(h.db, a.s1.id);
		const out = await commitLiveEvents(
			h.db,
			async () => {
				throw new Error('NOTIFY failed');
			},
			async (_tx, events) => {
				events.record(a.s1.id, { kind: 'moment-ack', payload: { id: 'm' } });
				return 'stored';
			}
		);
		expect(out).toBe('stored');
		expect(await findLatestLiveEventId(h.db, a.s1.id)).toBeGreaterThan(before);
	});
});
