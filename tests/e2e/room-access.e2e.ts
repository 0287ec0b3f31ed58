import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword, expectAnswerTaken } from './helpers.ts';
import { createSoonCohort, participant } from './live-fixtures.ts';

/*
 * Getting to the room (#12 item 14): from the cohort's manage page to each session's console,
 * projector and participants' view; a preview before the join window that nobody can change
 * and no participant can enter; a copy button for the room's link; "Begin the session" as the
 * console's first step. And a participant's own words on the session record (item 16).
 */

async function press(p: Page, name: string | RegExp) {
	await p.getByRole('button', { name }).click();
	await p.waitForLoadState();
}

/** A link or button named by its text and, for screen readers, the session it is for. */
const forSession = (text: string, n: number) => new RegExp(`^${text}\\s?: Session ${n}$`);

const form = (data: Record<string, string>) => ({
	form: data,
	headers: { origin: MAIL_APP, accept: 'text/html' },
	maxRedirects: 0
});

test('from the manage page to each session’s room: a preview before the join window, then “Begin the session” first', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signInWithPassword(page, 'sam@example.org');
	// Session 1 starts in ten minutes (its room is open); sessions 2 to 4 are weeks away.
	const joinUrl = await createSoonCohort(page, `Room group ${Date.now()}`);
	const manage = page.url();
	const session = (n: number) =>
		page.getByRole('listitem').filter({
			has: page.getByRole('link', { name: forSession("Facilitators' console", n) })
		});
	await expect(session(1).getByText('The room is open now.')).toBeVisible();
	await expect(
		session(2).getByText(
			/^Not open yet: the room opens on .+ Until then you can preview it; participants cannot\.$/
		)
	).toBeVisible();
	for (const n of [1, 2, 3, 4]) {
		for (const name of ['Projector view', "Participants' view"]) {
			await expect(session(n).getByRole('link', { name: forSession(name, n) })).toBeVisible();
		}
	}
	await expectAccessible(page);
	const room = async (n: number) =>
		(await session(n)
			.getByRole('link', { name: forSession("Participants' view", n) })
			.getAttribute('href'))!;
	const room1 = await room(1);
	const room2 = await room(2);

	// The link for participants is selectable text; with JavaScript a button copies it.
	await page
		.context()
		.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: MAIL_APP });
	await expect(session(2).getByText(`${room2}`, { exact: false })).toBeVisible();
	await session(2)
		.getByRole('button', { name: forSession('Copy the link', 2) })
		.click();
	await expect(session(2).getByRole('status')).toHaveText('Link copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
		new RegExp(`^https?://[^/]+${room2}$`)
	);
	const noJs = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const plain = await noJs.newPage();
	await plain.goto(manage);
	await expect(plain.getByText(new RegExp(`${room2}$`))).toBeVisible();
	await expect(plain.getByRole('button', { name: /Copy the link/ })).toHaveCount(0);
	await noJs.close();

	// Session 2 before its window: a preview of the console; nothing can be changed.
	await session(2)
		.getByRole('link', { name: forSession("Facilitators' console", 2) })
		.click();
	await expect(page.getByText('Preview: the room is not open yet.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^First part: / })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Begin the session' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Next part' })).toHaveCount(0);
	await expectAccessible(page);
	const forged = await page.request.post(`${MAIL_APP}${room2}/console`, form({ action: 'begin' }));
	expect(forged.status()).toBe(409);
	await page.reload();
	await expect(page.getByText('Preview: the room is not open yet.')).toBeVisible();
	await page.goto(room2);
	await expect(
		page.getByText(/^Preview: participants cannot open this room before /)
	).toBeVisible();
	await expectAccessible(page);
	await page.goto(`${room2}/projector`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	// A participant: no way in before the window, and none to the console at all.
	const mira = await participant(browser, 'mira@example.org', joinUrl);
	expect(new URL(mira.page.url()).pathname).toBe(room1);
	await expect(
		mira.page.getByText('The session has not started yet.', { exact: false })
	).toBeVisible();
	await mira.page.goto(room2);
	await expect(
		mira.page.getByRole('status').filter({ hasText: /^The room for session 2 opens on / })
	).toBeVisible();
	await expect(mira.page.getByRole('heading', { name: /Session 2:/, level: 1 })).toHaveCount(0);
	await expectAccessible(mira.page);
	await expect(mira.page.getByRole('link', { name: /console/i })).toHaveCount(0);
	expect((await mira.page.request.get(`${MAIL_APP}${room2}/events`)).status()).toBe(409);
	expect((await mira.page.request.get(`${MAIL_APP}${room2}/console`)).status()).toBe(403);
	// "I need a moment" posted into the closed room is refused (and the page sends her away).
	const moment = await mira.page.request.post(
		`${MAIL_APP}${room2}?/moment`,
		form({ clientId: crypto.randomUUID() })
	);
	expect(moment.status()).toBe(303);
	expect(moment.headers().location).toMatch(/\/cohorts\/[^/]+\?opens=2$/);
	await mira.page.goto(room1);

	// Session 1, in its window: "Begin the session" is the first step, and nothing else yet.
	await page.goto(manage);
	await session(1)
		.getByRole('link', { name: forSession("Facilitators' console", 1) })
		.click();
	await expect(page.getByText('The session has not begun.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'First step: begin the session' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Next part' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Start the activity' })).toHaveCount(0);
	await expectAccessible(page);
	await press(page, 'Begin the session');
	await expect(page.getByText(/^The session began at \d{1,2}:\d{2}/)).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Now: / })).toBeVisible();
	await expect(page.getByText('Part 1 of', { exact: false })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Begin the session' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Start the activity' })).toBeVisible();
	await expectAccessible(page);
	// Mira's page hears of it without reloading.
	await expect(
		mira.page.getByText('The session has not started yet.', { exact: false })
	).toHaveCount(0);
	await mira.ctx.close();

	// The manage page's way in and the preview, in Czech and Ukrainian.
	for (const locale of ['cs', 'uk']) {
		await page.context().addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
		for (const path of [manage, `${room2}/console`, room2]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expectAccessible(page);
		}
	}
});

test('a participant reads the words they kept to themselves on the session record; nobody else does', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Own words ${Date.now()}`);
	const olena = await participant(browser, 'olena@example.org', joinUrl);
	const robin = await participant(browser, 'robin@example.org', joinUrl);
	const live = new URL(olena.page.url()).pathname;
	await page.goto(`${live}/console`);
	await press(page, 'Begin the session');
	// Part 6 is a private reflection: "only you can read it".
	for (let i = 0; i < 5; i++) await press(page, 'Next part');
	await press(page, 'Start the activity');
	await expect(olena.page.getByText('This stays private: only you can read it.')).toBeVisible();
	await olena.page.getByLabel('Your answer').fill('What I noticed about my own hope');
	await olena.page.getByRole('button', { name: 'Send' }).click();
	await expectAnswerTaken(olena.page);
	await press(page, 'Show results to the group');

	await olena.page.goto(`${live}/record`);
	const own = olena.page.getByRole('region', { name: 'Your own words' });
	await expect(own.getByText('What I noticed about my own hope')).toBeVisible();
	await expect(own.getByText(/^Only you can see this part/)).toBeVisible();
	await expectAccessible(olena.page);
	for (const other of [robin.page, page]) {
		await other.goto(`${live}/record`);
		await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(other.getByText('What I noticed about my own hope')).toHaveCount(0);
		await expect(other.getByRole('region', { name: 'Your own words' })).toHaveCount(0);
	}
	const exported = await (await page.request.get(`${MAIL_APP}${live}/record.json`)).text();
	expect(exported).not.toContain('What I noticed about my own hope');
	await olena.ctx.close();
	await robin.ctx.close();
});
