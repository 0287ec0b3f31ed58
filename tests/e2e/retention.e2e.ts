import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { appDataDirFile } from '../support/app-data-dir.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';
import { createSoonCohort, participant } from './live-fixtures.ts';
import { withAppDb } from './app-db.ts';

/*
 * Retention (#16 item 4): the admin page with its periods and the dry run, bad periods refused
 * in the viewer's language with nothing changed, and a group whose live data retention removed
 * still opening its room, console and record without errors.
 */

const LOCALES = ['en', 'cs', 'uk'] as const;

async function inLocale(page: Page, locale: string) {
	await page.context().addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
	await page.reload();
}

/*
 * The daily job cannot be started from a page; the test runs the same use case it runs, on the
 * app's database, at the real time. Only this test's group is old enough for anything to be due
 * (other tests move their groups hours, not months, into the past).
 */
async function runDailyRetention() {
	const { runningServer, EMBEDDED_DATABASE } =
		await import('../../src/lib/server/db/embedded-postgres.ts');
	const { openDb, withDatabase } = await import('../../src/lib/server/db/client.ts');
	const { parseConfig } = await import('../../src/lib/server/config.ts');
	const { currentOrganisation } =
		await import('../../src/lib/server/organisations/current-organisation.ts');
	const { runRetention } = await import('../../src/lib/server/retention/run-retention.ts');
	const dataDir = readFileSync(appDataDirFile(new URL(MAIL_APP).port), 'utf8');
	const server = runningServer(dataDir);
	if (!server) throw new Error(`No running database in ${dataDir}`);
	const h = await openDb(withDatabase(server, EMBEDDED_DATABASE), { max: 1, migrate: false });
	try {
		const cfg = parseConfig({ NODE_ENV: 'test', APP_ORIGIN: MAIL_APP, LOG_LEVEL: 'silent' });
		const org = await currentOrganisation(h.db);
		return await runRetention(h.db, cfg, { organisationId: org.id, now: new Date() });
	} finally {
		await h.close();
	}
}

test('admins read the retention plan, bad periods change nothing, and a group whose live data was deleted still opens', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	const name = `Retention group ${Date.now()}`;
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, name);
	const cohortId = new URL(page.url()).pathname.split('/')[2];
	const olena = await participant(browser, 'olena@example.org', joinUrl);
	const live = new URL(olena.page.url()).pathname;

	// The session runs: a check-in word from Olena.
	await page.goto(`${live}/console`);
	await page.getByRole('button', { name: 'Begin the session' }).click();
	await page.getByRole('button', { name: 'Start the activity' }).click();
	await expect(olena.page.getByLabel('Your word')).toBeVisible();
	await olena.page.getByLabel('Your word').fill('hopeful');
	await olena.page.getByRole('button', { name: 'Send' }).click();
	await expect(olena.page.getByText(/You have answered|Thank you/).first()).toBeVisible();

	// Eight months later (the group's four sessions moved back): its live data is due.
	await withAppDb(async (sql) => {
		const rows = await sql`
			update cohort_sessions
			set starts_at = now() - make_interval(days => 270 - 7 * number),
				ends_at = now() - make_interval(days => 270 - 7 * number) + interval '3 hours'
			where cohort_id = ${cohortId}
			returning number`;
		if (rows.length !== 4) throw new Error(`Expected 4 sessions, moved ${rows.length}`);
	});

	const admin = await (await browser.newContext()).newPage();
	await signInWithPassword(admin, 'admin@example.org');
	await admin.context().addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	await admin.goto('/admin');
	await admin.getByRole('link', { name: 'Retention' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
	await expect(admin.getByLabel(/^Live session events and answers/)).toHaveValue('6');
	await expect(admin.getByLabel(/^Workbooks/)).toHaveValue('12');
	await expect(admin.getByLabel(/^Questionnaire and feedback answers/)).toHaveValue('24');
	await expect(admin.getByLabel(/^Emails in the outbox/)).toHaveValue('3');
	await expect(admin.getByLabel(/^Audit log/)).toHaveValue('24');

	// The dry run: the group's live data, counted, never shown.
	const plan = admin.getByRole('table');
	const liveRow = (p: Page) =>
		p
			.getByRole('row')
			.filter({ hasText: name })
			.filter({ has: p.getByRole('cell', { name: 'Live session events and answers' }) });
	await expect(liveRow(admin)).toHaveCount(1);
	// Olena's own word is shown in her workbook, so it stays with the workbook: a year.
	await expect(
		plan
			.getByRole('row')
			.filter({ hasText: name })
			.filter({ has: admin.getByRole('cell', { name: 'Workbooks' }) })
	).toContainText('People told ahead: 1');
	await expect(plan).not.toContainText('hopeful');
	for (const l of LOCALES) {
		await inLocale(admin, l);
		await expect(admin.locator('html')).toHaveAttribute('lang', l);
		await expectAccessible(admin);
	}

	// Bad periods, posted as a browser without JavaScript posts them: a Czech 400, nothing saved.
	await admin.context().addCookies([{ name: 'trellis_locale', value: 'cs', url: MAIL_APP }]);
	const bad = await admin.request.post(`${MAIL_APP}/admin/retention?/settings`, {
		form: { live: 'abc', workbook: '12', evaluation: '2', outbox: '0', audit: '600' },
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(bad.status()).toBe(400);
	const badBody = await bad.text();
	expect(badBody).toContain('Zadejte prosím celý počet měsíců od 1 do 120.');
	expect(badBody).toContain('Zadejte prosím celý počet měsíců od 4 do 120.');
	expect(badBody).toContain('Zadejte prosím celý počet měsíců od 6 do 120');
	// The same through the form, in Ukrainian: the errors beside their fields, the values kept.
	await inLocale(admin, 'uk');
	await admin.getByLabel(/^Відповіді на анкети та відгуки/).fill('3');
	await admin.getByRole('button', { name: 'Зберегти строки' }).click();
	await expect(
		admin.getByText('Введіть, будь ласка, ціле число місяців від 4 до 120.', { exact: false })
	).toBeVisible();
	await expect(admin.getByLabel(/^Відповіді на анкети та відгуки/)).toHaveValue('3');
	await expectAccessible(admin);
	await inLocale(admin, 'en');
	await admin.goto('/admin/retention');
	await expect(admin.getByLabel(/^Questionnaire and feedback answers/)).toHaveValue('24');
	await expect(
		admin.getByText('These are the defaults; no admin has changed them yet.')
	).toBeVisible();

	// The daily run deletes the group's live data and says so, with the count only.
	const run = await runDailyRetention();
	expect(run.deleted.filter((d) => d.cohortId === cohortId).map((d) => d.kind)).toEqual(['live']);
	await admin.reload();
	await expect(liveRow(admin)).toHaveCount(0);
	await expect(
		admin
			.getByRole('listitem')
			.filter({ hasText: `${name}:` })
			.filter({ hasText: 'Live session events and answers' })
	).toBeVisible();

	// The group's pages still open: the console, the projector and the record for the
	// facilitator, the room and the record for the participant.
	for (const [p, path] of [
		[page, `${live}/console`],
		[page, `${live}/projector`],
		[page, `${live}/record`],
		[olena.page, live],
		[olena.page, `${live}/record`],
		[olena.page, `/cohorts/${cohortId}`]
	] as const) {
		const res = await p.goto(path);
		expect(res?.status(), path).toBe(200);
	}
	await olena.page.goto(`${live}/record`);
	await expect(
		olena.page.getByRole('heading', { level: 1, name: 'What we shared in session 1' })
	).toBeVisible();
	await expectAccessible(olena.page);

	// A valid change is saved and shown with its date.
	await admin.getByLabel(/^Live session events and answers/).fill('7');
	await admin.getByRole('button', { name: 'Save the periods' }).click();
	await expect(admin.getByText('Saved. The plan below now follows the new periods.')).toBeVisible();
	await expect(admin.getByLabel(/^Live session events and answers/)).toHaveValue('7');
	await expect(admin.getByText(/^Last changed on/)).toBeVisible();
	await admin.getByLabel(/^Live session events and answers/).fill('6');
	await admin.getByRole('button', { name: 'Save the periods' }).click();
	await expect(admin.getByText('Saved. The plan below now follows the new periods.')).toBeVisible();
});
