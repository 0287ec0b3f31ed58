import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeWorkbookCohort } from '../testing/workbook-fixtures.ts';
import { setWorkbookReminder } from './set-workbook-reminder.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { sendDueReminders } from '../schedule/send-reminders.ts';

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

describe('the workbook reminder', () => {
	it('goes the day before a session only to those who switched it on, once, without their notes', async () => {
		const { c, owner, peer, add } = await world();
		await add(1, 'reflection', { text: 'A very private sentence' });
		expect(
			await setWorkbookReminder(h.db, { cohortId: c.cohort.id, userId: owner.id, on: true })
		).toEqual({ ok: true });
		const stranger = await makePerson(h.db, auth, { organisationId: c.org.id });
		expect(
			await setWorkbookReminder(h.db, { cohortId: c.cohort.id, userId: stranger.id, on: true })
		).toEqual({ ok: false, reason: 'not-found' });
		const sessions = await listSessions(h.db, c.cohort.id);
		const at = (n: number) => new Date(sessions[n - 1].startsAt.getTime() - 12 * 3_600_000);
		const mails = () =>
			h.db
				.select()
				.from(emailOutbox)
				.where(
					and(eq(emailOutbox.cohortId, c.cohort.id), eq(emailOutbox.kind, 'workbook-reminder'))
				);
		await sendDueReminders(h.db, cfg, at(1));
		expect(await mails()).toHaveLength(0); // nothing to prepare before the first session
		await sendDueReminders(h.db, cfg, at(2));
		await sendDueReminders(h.db, cfg, at(2));
		const sent = await mails();
		expect(sent.map((e) => e.toAddress)).toEqual([owner.email]);
		expect(sent[0].subject).toBe('Your notes for session 2 of Spring group');
		expect(JSON.stringify(sent[0])).not.toContain('A very private sentence');
		expect(sent.map((e) => e.toAddress)).not.toContain(peer.email);
	});
});
