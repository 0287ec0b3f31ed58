import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import { openDb, type DbHandle } from '../db/client.ts';
import { livePresence } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { LiveHub } from './live-hub.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';

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

describe('who is connected', () => {
	it('facilitators on one instance see who is connected to another; stale rows are not listed', async () => {
		const { s1, people } = await liveSession();
		// The second instance has its own connections to the same database.
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
		const stream = (hub: LiveHub, p?: (typeof people)[number]) =>
			hub.subscribe(s1.id, { facilitator: !p, enrolmentId: p?.enrolmentId, send: () => {} });
		const names = async () => {
			await hubA.presenceSettled();
			await hubB.presenceSettled();
			return hubA.connectedNames(s1.id);
		};
		const p0First = await stream(hubB, people[0]);
		const p0Second = await stream(hubB, people[0]); // a second tab
		await stream(hubB); // a facilitator: never listed
		const p1 = await stream(hubA, people[1]);
		expect(await names()).toEqual(['P0', 'P1']);
		p0First();
		p0First(); // a stream may close twice; it counts once
		expect(await names()).toEqual(['P0', 'P1']);
		p0Second();
		expect(await names()).toEqual(['P1']);
		p1();
		expect(await names()).toEqual([]);

		// An instance that stopped refreshing its rows 91 s ago is gone.
		await h.db.insert(livePresence).values({
			cohortSessionId: s1.id,
			enrolmentId: people[2].enrolmentId,
			instanceId: randomUUID(),
			streams: 1,
			seenAt: sql`now() - interval '91 seconds'`
		});
		expect(await names()).toEqual([]);
		const hubC = new LiveHub(h);
		await hubC.start(); // clears stale rows on start
		await hubC.stop();
		expect(
			await h.db.select().from(livePresence).where(eq(livePresence.cohortSessionId, s1.id))
		).toEqual([]);

		// The heartbeat keeps a long-open stream listed and clears other instances' stale rows.
		const hubD = new LiveHub(h, { heartbeatMs: 50 });
		await hubD.start();
		cleanups.push(() => hubD.stop());
		const p0Long = await stream(hubD, people[0]);
		await hubD.presenceSettled();
		const age = sql`now() - interval '85 seconds'`;
		await h.db
			.update(livePresence)
			.set({ seenAt: age })
			.where(eq(livePresence.cohortSessionId, s1.id));
		await h.db.insert(livePresence).values({
			cohortSessionId: s1.id,
			enrolmentId: people[1].enrolmentId,
			instanceId: randomUUID(),
			streams: 1,
			seenAt: sql`now() - interval '95 seconds'`
		});
		await new Promise((r) => setTimeout(r, 300));
		const rows = await h.db
			.select({
				enrolmentId: livePresence.enrolmentId,
				fresh: sql<boolean>`${livePresence.seenAt} > now() - interval '5 seconds'`
			})
			.from(livePresence)
			.where(eq(livePresence.cohortSessionId, s1.id));
		expect(rows).toEqual([{ enrolmentId: people[0].enrolmentId, fresh: true }]);
		p0Long();
		await hubD.stop();

		// An instance that shuts down cleanly takes its rows with it.
		await stream(hubB, people[2]);
		expect(await names()).toEqual(['P2']);
		await hubB.stop();
		expect(await names()).toEqual([]);
	});
});
