import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import { openDb, type DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { setEnrolmentStatus } from '../enrolment/enrolment.queries.ts';
import { removeMembership } from '../accounts/users.queries.ts';
import { LiveHub } from './live-hub.ts';

let h: DbHandle;
let other: DbHandle;
let auth: Auth;
const cfg = testConfig();
const hubs: LiveHub[] = [];
beforeAll(async () => {
	h = await createTestDb();
	other = await openDb(h.url, { migrate: false, max: 2 });
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	for (const hub of hubs) await hub.stop();
	await other?.close();
	await h?.close();
});

/** A stream of `userId` open on a hub of the second instance; resolves `closed` when ended. */
async function streamOnOtherInstance(sessionId: string, userId: string, enrolmentId: string) {
	const hub = new LiveHub(other);
	await hub.start();
	hubs.push(hub);
	let closed = false;
	await hub.subscribe(sessionId, {
		facilitator: false,
		enrolmentId,
		userId,
		send: () => {},
		close: () => (closed = true)
	});
	return { isClosed: () => closed };
}

describe('access that ends ends the open streams, on every instance', () => {
	it('leaving a place, losing a role or signing out closes that person’s streams, nobody else’s', async () => {
		const l = await makeLiveSession(h.db, { cfg, auth, participants: 3 });
		const [a, b, c] = l.people;
		const sa = await streamOnOtherInstance(l.s1.id, a.id, a.enrolmentId);
		const sb = await streamOnOtherInstance(l.s1.id, b.id, b.enrolmentId);
		const sc = await streamOnOtherInstance(l.s1.id, c.id, c.enrolmentId);

		await h.db.transaction((tx) => setEnrolmentStatus(tx, a.enrolmentId, 'left', new Date()));
		await expect.poll(sa.isClosed, { timeout: 5_000 }).toBe(true);
		expect([sb.isClosed(), sc.isClosed()]).toEqual([false, false]);

		await removeMembership(h.db, { organisationId: l.org.id, userId: b.id, role: 'participant' });
		await expect.poll(sb.isClosed, { timeout: 5_000 }).toBe(true);

		const ctx = await auth.$context;
		const session = await ctx.internalAdapter.createSession(c.id);
		await ctx.internalAdapter.deleteSession(session.token);
		await expect.poll(sc.isClosed, { timeout: 5_000 }).toBe(true);
	});

	it('a change rolled back closes nothing', async () => {
		const l = await makeLiveSession(h.db, { cfg, auth, participants: 2 });
		const [a] = l.people;
		const sa = await streamOnOtherInstance(l.s1.id, a.id, a.enrolmentId);
		await h.db
			.transaction(async (tx) => {
				await setEnrolmentStatus(tx, a.enrolmentId, 'left', new Date());
				throw new Error('roll back');
			})
			.catch(() => {});
		await new Promise((r) => setTimeout(r, 500));
		expect(sa.isClosed()).toBe(false);
	});
});
