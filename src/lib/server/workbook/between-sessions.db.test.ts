import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeWorkbookCohort } from '../testing/workbook-fixtures.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { betweenSessions } from './between-sessions.ts';

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

const world = () => makeWorkbookCohort(h.db, { cfg, auth });

describe('between sessions on the schedule', () => {
	it('shows the last session’s task with the next one and whether the person wrote anything', async () => {
		const { c, owner, peer, add } = await world();
		const ctx = (await loadCohortContext(h.db, c.cohort.id))!;
		const sessions = await listSessions(h.db, c.cohort.id);
		const before = (n: number) => new Date(sessions[n - 1].startsAt.getTime() - 3_600_000);
		expect(await betweenSessions(h.db, ctx, owner.id, 'en', before(1))).toBeNull();
		await add(2, 'reflection', { text: 'Written for Day 2' });
		const next3 = await betweenSessions(h.db, ctx, owner.id, 'cs', before(3));
		expect(next3).toMatchObject({ next: 3, last: 2, written: 1 });
		expect(next3!.task).toContain('<p>');
		expect(await betweenSessions(h.db, ctx, peer.id, 'en', before(3))).toMatchObject({
			written: 0
		});
		const after = new Date(sessions[3].endsAt.getTime() + 3_600_000);
		expect(await betweenSessions(h.db, ctx, owner.id, 'en', after)).toBeNull();
	});
});
