import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { DbHandle } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { calendarFeedFor, renewCalendarFeed } from './calendar-feed.ts';

let h: DbHandle;
const cfg = testConfig();
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

function events(ics: string) {
	const cal = new ICAL.Component(ICAL.parse(ics));
	return cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('calendar files speak the person’s language', () => {
	it('a Czech participant’s feed and .ics attachment are in Czech and name the group’s address once', async () => {
		const c = await makeCohort(h.db, { cfg });
		const jana = await makePerson(h.db, c.auth, { organisationId: c.org.id, locale: 'cs' });
		await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: jana.id, via: 'invitation' });
		const address = `${cfg.origin}/cohorts/${c.cohort.id}`;

		const url = await renewCalendarFeed(h.db, cfg, jana.id);
		const feed = (await calendarFeedFor(h.db, cfg, url.split('/calendar/')[1].slice(0, -4)))!;
		const [first, ...rest] = events(feed);
		expect(first.summary).toMatch(/^Praxe zaměřená na zotavení — Setkání 1: /);
		expect(rest.map((e) => e.summary)).toEqual([
			expect.stringContaining('Setkání 2'),
			expect.stringContaining('Setkání 3'),
			expect.stringContaining('Setkání 4')
		]);
		for (const e of [first, ...rest]) {
			expect(e.description).toBe(`Spring group\n\n${address}`);
			expect(count(e.description, address)).toBe(1);
		}

		const [mail] = await h.db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, jana.email));
		const attached = events(mail.attachments![0].content);
		expect(attached[0].summary).toMatch(/Setkání 1/);
		expect(count(attached[0].description, address)).toBe(1);
	});
});
