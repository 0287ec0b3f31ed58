import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import LiveShared from '#lib/components/live-shared.svelte';
import { createAuth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { withLocale } from '../i18n/with-locale.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { liveView } from './live-view.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';

/*
 * The feedback link in the room's last block: the shared render (for everyone, no one's own
 * state) always has it; a person's own page leaves it out once they have given feedback.
 */

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

describe('the feedback link in the live room', () => {
	it('is in the shared render, and left out of the page of a person who has answered', async () => {
		const cfg = testConfig();
		const live = await makeLiveSession(h.db, { cfg, auth: createAuth(h.db, cfg) });
		const ctx = (await loadCohortContext(h.db, live.cohort.id))!;
		expect(await live.act({ type: 'begin' })).toEqual({ ok: true });
		for (let i = 1; i < live.structure.blocks.length; i++) await live.act({ type: 'next' });
		const view = await liveView(h.db, {
			sessionId: live.s1.id,
			pkg: ctx.pkg,
			number: 1,
			structure: live.structure,
			cohortId: live.cohort.id,
			locale: 'en',
			enrolmentId: live.people[0].enrolmentId,
			facilitator: false
		});
		expect(view.block.index + 1).toBe(view.block.count);
		const html = (pulseAnswered: boolean | null) =>
			withLocale('en', () => {
				const personal =
					pulseAnswered === null
						? null
						: { mine: null, pulseAnswered, sent: false, message: null, errors: undefined };
				const props = { view, sessionId: live.s1.id, timeZone: 'UTC', participant: true, personal };
				return render(LiveShared, { props }).body;
			});
		const link = `href="/cohorts/${live.cohort.id}/sessions/1/pulse"`;
		expect(html(null)).toContain(link);
		expect(html(null)).toContain('data-pulse-offer');
		expect(html(false)).toContain(link);
		expect(html(true)).not.toContain(link);
	});
});
