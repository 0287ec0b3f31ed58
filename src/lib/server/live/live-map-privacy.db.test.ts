import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { readWorkbook } from '../workbook/read-workbook.ts';
import { liveView } from './live-view.ts';
import { sessionRecord } from './session-record.ts';
import type { LiveSubject } from './live-access.ts';

/*
 * The Day 2 community map (issue #14): every note goes onto its writer's own workbook map and
 * stays private; after the board is shown, only notes their writers shared appear in anyone's
 * view, on the projector and in the record.
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

describe('the live community map', () => {
	it('keeps unshared notes private and puts every note on its writer’s workbook map', async () => {
		const live = await makeLiveSession(h.db, { cfg, auth, participants: 3, session: 2 });
		const { people, act, answer } = live;
		const ctx = (await loadCohortContext(h.db, live.cohort.id))!;
		const subject: LiveSubject = {
			sessionId: live.s1.id,
			pkg: ctx.pkg,
			number: 2,
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
		const mapIndex = live.structure.blocks.findIndex((b) => b.id === 'community-map');
		for (let i = 0; i < mapIndex; i++) await act({ type: 'next' });
		expect((await view(people[0])).block.id).toBe('community-map');
		await act({ type: 'start' });

		const privateId = randomUUID();
		const kept = { column: 'belonging', text: 'my sister Ana (private)' };
		expect(await answer(people[0], 'community-map', kept, { clientId: privateId })).toMatchObject({
			ok: true
		});
		// Resent: still one answer and one tie.
		await answer(people[0], 'community-map', kept, { clientId: privateId });
		expect(
			await answer(people[1], 'community-map', {
				column: 'doing',
				text: 'the allotment garden',
				share: true
			})
		).toMatchObject({ ok: true });
		expect(
			await answer(people[0], 'community-map', { column: 'nowhere', text: 'x' })
		).toMatchObject({ ok: false, status: 400 });
		await act({ type: 'reveal' });

		for (const who of [...people, 'facilitator' as const]) {
			const json = JSON.stringify(await view(who));
			expect(json).not.toContain('my sister Ana');
		}
		const results = (await view(people[2])).results!;
		expect(results.texts.map((t) => t.text)).toEqual(['the allotment garden']);
		const record = JSON.stringify(await sessionRecord(h.db, subject));
		expect(record).toContain('the allotment garden');
		expect(record).not.toContain('my sister Ana');

		const mine = await readWorkbook(h.db, { cohortId: live.cohort.id, userId: people[0].id });
		expect(
			mine.entries.map((e) => [e.kind, e.sessionNumber, e.sharing, e.fields.name, e.fields.sphere])
		).toEqual([['map-tie', 2, 'private', 'my sister Ana (private)', 'belonging']]);
		const theirs = await readWorkbook(h.db, { cohortId: live.cohort.id, userId: people[1].id });
		// Sharing the note in the room does not share the workbook entry.
		expect(theirs.entries.map((e) => [e.fields.name, e.sharing])).toEqual([
			['the allotment garden', 'private']
		]);
	});
});
