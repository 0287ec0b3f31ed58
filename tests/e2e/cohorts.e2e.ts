import { expect, test, type Browser, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import {
	DEMO_PASSWORD,
	emailCount,
	expectAccessible,
	firstLink,
	latestEmail,
	signInWithPassword
} from './helpers.ts';

const DAY = 86_400_000;
/** YYYY-MM-DD of a day `days` from now (the form reads it on the cohort's clock). */
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function fillCohortForm(
	page: Page,
	o: { name: string; capacity: string; days?: number[]; times?: string[] }
) {
	const days = o.days ?? [10, 17, 24, 31];
	await page.getByLabel('Name of the group').fill(o.name);
	await page.getByLabel('Time zone of the group').selectOption('Europe/Prague');
	await page.getByLabel('Places').fill(o.capacity);
	await page.getByRole('checkbox', { name: /Dana Novák/ }).check();
	for (let n = 1; n <= 4; n++) {
		const s = page.getByRole('group', { name: `Session ${n}`, exact: true });
		await s.getByLabel('Date').fill(dayIn(days[n - 1]));
		await s.getByLabel('Start time').fill(o.times?.[n - 1] ?? '18:00');
	}
}

async function createCohort(page: Page, name: string, capacity: string) {
	await page.goto('/cohorts/new');
	await fillCohortForm(page, { name, capacity });
	await page.getByRole('button', { name: 'Create the group' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return page.url().replace(/\/manage.*$/, '');
}

async function inviteAndAccept(browser: Browser, facilitator: Page, email: string, name: string) {
	const invite = facilitator.getByRole('region', { name: 'Invite participants' });
	await invite.getByLabel('Email address').fill(email);
	await invite.getByRole('button', { name: 'Send the invitation' }).click();
	await expect(facilitator.getByRole('status')).toContainText(email);
	const mail = await latestEmail(email);
	expect(mail.subject).toBe('You are invited to the course Recovery-Oriented Practice');
	const ctx = await browser.newContext();
	const p = await ctx.newPage();
	await p.goto(firstLink(mail.text));
	await expect(p.getByText(/You are invited to take part in the group/)).toBeVisible();
	await p.getByLabel('Display name').fill(name);
	await p.getByLabel('Password').fill('a-long-participant-password');
	await p.getByLabel('I have read the privacy notice').check();
	await p.getByRole('button', { name: 'Create my account' }).click();
	return { ctx, page: p };
}

test('a facilitator creates a group, invites by email; the fourth of three places waits and moves up when someone leaves', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signInWithPassword(page, 'sam@example.org');
	const url = await createCohort(page, `Autumn group ${Date.now()}`, '3');
	await expect(page.getByText('0 of 3 places taken, 0 waiting')).toBeVisible();
	await expectAccessible(page);

	const stamp = Date.now();
	const people = [];
	for (let i = 1; i <= 4; i++) {
		const email = `cohort-${stamp}-${i}@example.org`;
		const p = await inviteAndAccept(browser, page, email, `Participant ${i}`);
		people.push({ email, ...p });
		if (i <= 3) await expect(p.page.getByText('you have a place', { exact: true })).toBeVisible();
		else {
			await expect(p.page.getByText('on the waiting list', { exact: true })).toBeVisible();
			await expect(p.page.getByText(/you are number 1 in line/)).toBeVisible();
		}
		const confirmation = await latestEmail(email, 1);
		expect(confirmation.subject).toMatch(
			i <= 3 ? /^You have a place/ : /^You are on the waiting list/
		);
	}
	await expectAccessible(people[3].page);
	await page.reload();
	await expect(page.getByText('3 of 3 places taken, 1 waiting')).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Waiting list' }).getByText('Participant 4')
	).toBeVisible();

	// Participant 2 gives the place back: participant 4 is promoted and told by email.
	const leaver = people[1].page;
	await leaver.getByText('Give my place back…').click();
	await leaver.getByRole('button', { name: 'Yes, leave the group' }).click();
	await expect(leaver).toHaveURL(/\/cohorts\?left=1/);
	const promoted = await latestEmail(people[3].email, 2);
	expect(promoted.subject).toMatch(/^A place has become free for you/);
	await people[3].page.reload();
	await expect(people[3].page.getByText('you have a place')).toBeVisible();
	await page.reload();
	await expect(page.getByText('3 of 3 places taken, 0 waiting')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Sent', exact: true }).first()).toBeVisible();

	// Attendance corrections by a facilitator, and the CSV export.
	const grid = page.getByRole('region', { name: 'Attendance' });
	await grid.getByLabel('Participant 1, session 1').selectOption('present');
	await grid.getByLabel('Participant 3, session 1').selectOption('excused');
	await grid.getByRole('button', { name: 'Save attendance' }).click();
	await expect(page.getByRole('status')).toHaveText('Attendance saved.');
	await expect(
		page.getByRole('region', { name: 'Attendance' }).getByLabel('Participant 1, session 1')
	).toHaveValue('present');
	const csv = await (await page.request.get(`${url}/attendance.csv`)).text();
	expect(csv).toMatch(/Participant 1,cohort-[^,]+,present,,,,in_progress/);
	expect(csv).toMatch(/Participant 3,cohort-[^,]+,excused,,,,in_progress/);

	// The participant's schedule: four sessions in their own time zone, and the Join button not yet open.
	const p1 = people[0].page;
	await p1.goto(url);
	await expect(p1.getByRole('heading', { level: 3 })).toHaveCount(4);
	// What the group sees about me: pseudonym, background only for facilitators, access needs.
	const about = p1.getByRole('region', { name: 'What the group sees about me' });
	await about.getByLabel('Name shown in this group (optional)').fill('Robin R.');
	await about.getByLabel('My background (optional)').selectOption('lived_experience');
	await about.getByLabel('Who may see my background').selectOption('facilitators');
	await about.getByLabel('Access needs (optional)').fill('Captions, please');
	await about
		.getByLabel('I agree that Trellis keeps my background and access needs for these purposes')
		.check();
	await about.getByRole('button', { name: 'Save' }).click();
	await expect(p1.getByRole('status')).toHaveText('Your profile is saved.');
	await people[2].page.goto(url);
	await expect(
		people[2].page.getByRole('listitem').filter({ hasText: 'Robin R.' })
	).not.toContainText('Lived experience');
	await page.reload();
	const row = page
		.getByRole('region', { name: 'Participants' })
		.getByRole('row')
		.filter({ hasText: 'Robin R.' });
	await expect(row).toContainText('Lived experience');
	await expect(row).toContainText('Captions, please');
	await expect(
		p1.getByText('The join button appears here 15 minutes before the start.').first()
	).toBeVisible();
	await expectAccessible(p1);
	for (const p of people) await p.ctx.close();
});

test('creating a group: two facilitators explained, a weekly rhythm, one video room, and a summary that leads to each problem', async ({
	page
}) => {
	await signInWithPassword(page, 'sam@example.org');
	await page.goto('/cohorts/new');
	await expect(
		page.getByText(/A group is led by two facilitators with equal rights/)
	).toBeVisible();
	await expect(page.getByText('Lasts 180 minutes.').first()).toBeVisible();
	const name = `Weekly group ${Date.now()}`;
	await page.getByLabel('Name of the group').fill(name);
	await page.getByLabel('Time zone of the group').selectOption('Europe/Prague');
	await page.getByLabel('Places').fill('0');
	await page.getByRole('checkbox', { name: /Dana Novák/ }).check();
	const s1 = page.getByRole('group', { name: 'Session 1', exact: true });
	await s1.getByLabel('Date').fill(dayIn(10));
	await s1.getByLabel('Start time').fill('17:30');
	const room = page.getByRole('group', { name: 'Video room for all four sessions' });
	await room.getByLabel('Video room').selectOption('link');
	await room.getByLabel('Video server or meeting link').fill('http://not-https.example.org');
	await page.getByRole('button', { name: 'Create the group' }).click();

	// Each problem is listed once at the top and leads to its field.
	const summary = page.getByRole('alert').filter({ hasText: 'Please correct these' });
	await expect(summary.getByRole('link')).toHaveCount(2);
	await summary.getByRole('link', { name: /^Places:/ }).click();
	await expect(page.getByLabel('Places')).toBeFocused();
	await expect(summary.getByRole('link', { name: /^Video server or meeting link:/ })).toBeVisible();
	// The empty sessions follow weekly, at the same time, and can still be changed.
	for (const [n, days] of [
		[2, 17],
		[3, 24],
		[4, 31]
	]) {
		const s = page.getByRole('group', { name: `Session ${n}`, exact: true });
		await expect(s.getByLabel('Date')).toHaveValue(dayIn(days));
		await expect(s.getByLabel('Start time')).toHaveValue('17:30');
	}
	await expectAccessible(page);

	await page.getByLabel('Places').fill('12');
	await room.getByLabel('Video server or meeting link').fill('https://meet.example.org/weekly');
	await page.getByRole('button', { name: 'Create the group' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('bad group input is refused with clear messages and nothing is stored', async ({ page }) => {
	await signInWithPassword(page, 'sam@example.org');
	const cases: [Partial<{ capacity: string; days: number[]; times: string[] }>, string][] = [
		[{ capacity: '0' }, 'Please enter a number of places from 1 to 40.'],
		[{ capacity: '1000' }, 'Please enter a number of places from 1 to 40.'],
		[{ days: [-3, 17, 24, 31] }, 'Please choose a date and time in the future.'],
		[
			{ days: [10, 10, 24, 31], times: ['18:00', '19:00', '18:00', '18:00'] },
			'This session must start after the previous one ends'
		],
		[{ days: [10, 9, 24, 31] }, 'This session must start after the previous one ends']
	];
	const name = `Refused group ${Date.now()}`;
	for (const [bad, message] of cases) {
		await page.goto('/cohorts/new');
		await fillCohortForm(page, { name, capacity: '18', ...bad });
		await page.getByRole('button', { name: 'Create the group' }).click();
		await expect(page.getByText(message).first()).toBeVisible();
		await expect(page.getByLabel('Name of the group')).toHaveValue(name);
	}
	await expectAccessible(page);
	// Without a co-facilitator.
	await page.goto('/cohorts/new');
	await fillCohortForm(page, { name, capacity: '18' });
	await page.getByRole('checkbox', { name: /Dana Novák/ }).uncheck();
	await page.getByRole('button', { name: 'Create the group' }).click();
	await expect(
		page.getByRole('link', { name: 'Facilitators: Please choose at least one co-facilitator.' })
	).toBeVisible();
	await expect(
		page.getByText('Please choose at least one co-facilitator.', { exact: true })
	).toBeVisible();
	await page.goto('/cohorts');
	await expect(page.getByRole('link', { name })).toHaveCount(0);
});

test('malformed invitations, a withdrawn invitation, and join links for a full or cancelled group', async ({
	browser,
	page
}) => {
	test.setTimeout(90_000);
	await signInWithPassword(page, 'sam@example.org');
	const name = `Small group ${Date.now()}`;
	const url = await createCohort(page, name, '1');
	const invite = page.getByRole('region', { name: 'Invite participants' });
	for (const bad of ['not-an-email', '<script>@x', 'a'.repeat(300) + '@example.org']) {
		await invite.getByLabel('Email address').fill(bad);
		await invite.getByRole('button', { name: 'Send the invitation' }).click();
		await expect(
			page
				.getByRole('region', { name: 'Invite participants' })
				.getByText(/Please enter an email address like|Please keep this under 254 characters/)
		).toBeVisible();
	}
	// A withdrawn invitation no longer works.
	const withdrawn = `withdrawn-${Date.now()}@example.org`;
	await invite.getByLabel('Email address').fill(withdrawn);
	await invite.getByRole('button', { name: 'Send the invitation' }).click();
	const mail = await latestEmail(withdrawn);
	await page.getByRole('button', { name: new RegExp(`^Withdraw\\s*: ${withdrawn}$`) }).click();
	const anon = await browser.newContext();
	const a = await anon.newPage();
	await a.goto(firstLink(mail.text));
	await expect(a.getByText(/no longer valid/)).toBeVisible();

	// The join link of a full group puts a signed-in person on the waiting list.
	const joinUrl = (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();
	const jana = await browser.newContext();
	const j = await jana.newPage();
	await signInWithPassword(j, 'robin@example.org');
	await j.goto(joinUrl);
	await j.getByRole('button', { name: 'Take a place' }).click();
	await expect(j).toHaveURL(url);
	const mira = await browser.newContext();
	const mm = await mira.newPage();
	await signInWithPassword(mm, 'mira@example.org');
	await mm.goto(joinUrl);
	await mm.getByRole('button', { name: 'Take a place' }).click();
	await expect(mm.getByText('on the waiting list')).toBeVisible();

	// Cancelled: the join link and the schedule say so; nobody can join.
	await page.getByText('Cancel this group…').click();
	await page.getByLabel(/Type the group's name/).fill('wrong name');
	await page.getByRole('button', { name: 'Cancel the group and tell everyone' }).click();
	await expect(page.getByText('The name you typed does not match')).toBeVisible();
	await page.getByText('Cancel this group…').click();
	await page.getByLabel(/Type the group's name/).fill(name);
	await page.getByRole('button', { name: 'Cancel the group and tell everyone' }).click();
	await expect(page.getByText('This group has been cancelled.')).toBeVisible();
	await a.goto(joinUrl);
	await expect(a.getByText('This group has ended or was cancelled')).toBeVisible();
	const r = await a.request.post(joinUrl, {
		form: { email: 'late@example.org' },
		headers: { origin: MAIL_APP, accept: 'text/html' }
	});
	expect(r.status()).toBe(410);
	expect((await a.request.get(`${MAIL_APP}/join/not-a-real-token`)).status()).toBe(200);
	await a.goto(`${MAIL_APP}/join/not-a-real-token`);
	await expect(a.getByText('This join link does not work any more.')).toBeVisible();
	for (const c of [anon, jana, mira]) await c.close();
});

test('only the group’s facilitators and admins manage it; others get nothing', async ({
	browser,
	page
}) => {
	await signInWithPassword(page, 'sam@example.org');
	const url = await createCohort(page, `Private group ${Date.now()}`, '18');
	const other = await browser.newContext();
	const o = await other.newPage();
	await signInWithPassword(o, 'olena@example.org');
	for (const path of [url, `${url}/manage`, `${url}/roster.csv`, `${url}/attendance.csv`]) {
		expect((await o.request.get(`${MAIL_APP}${new URL(path).pathname}`)).status()).toBe(404);
	}
	const forged = await o.request.post(`${MAIL_APP}${new URL(url).pathname}/manage?/invite`, {
		form: { email: 'x@example.org', locale: 'en' },
		headers: { origin: MAIL_APP, accept: 'text/html' }
	});
	expect(forged.status()).toBe(404);
	await other.close();
	const adminCtx = await browser.newContext();
	const admin = await adminCtx.newPage();
	await signInWithPassword(admin, 'admin@example.org');
	const csv = await admin.request.get(`${MAIL_APP}${new URL(url).pathname}/roster.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('name,email,status');
	await adminCtx.close();
});

for (const locale of ['cs', 'uk']) {
	test(`group pages have no axe violations in ${locale}`, async ({ page }) => {
		await signInWithPassword(page, 'sam@example.org');
		const url = await createCohort(page, `Group ${locale} ${Date.now()}`, '18');
		const joinUrl = (await page
			.locator('code')
			.filter({ hasText: '/join/' })
			.textContent())!.trim();
		await page.context().addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
		for (const path of [
			'/cohorts',
			'/cohorts/new',
			`${new URL(url).pathname}/manage`,
			new URL(url).pathname,
			new URL(joinUrl).pathname
		]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expectAccessible(page);
		}
	});
}

test('a person invited in Czech gets an account, pages and a calendar feed in Czech, each event naming the group once', async ({
	browser,
	page
}) => {
	await signInWithPassword(page, 'sam@example.org');
	const url = await createCohort(page, `Czech group ${Date.now()}`, '18');
	const email = `czech-${Date.now()}@example.org`;
	const invite = page.getByRole('region', { name: 'Invite participants' });
	await invite.getByLabel('Email address').fill(email);
	await invite.getByLabel('Language of the invitation').selectOption('cs');
	await invite.getByRole('button', { name: 'Send the invitation' }).click();
	await expect(page.getByRole('status')).toContainText(email);
	const mail = await latestEmail(email);

	// The browser asks for English pages; the form shows the invitation's language and saves it.
	const ctx = await browser.newContext();
	const p = await ctx.newPage();
	await p.goto(firstLink(mail.text));
	await expect(p.getByLabel('Preferred language')).toHaveValue('cs');
	await expectAccessible(p);
	await p.getByLabel('Display name').fill('Jana K.');
	await p.getByLabel('Password').fill('a-long-participant-password');
	await p.getByLabel('I have read the privacy notice').check();
	await p.getByRole('button', { name: 'Create my account' }).click();
	await expect(p).toHaveURL(url);
	await expect(p.locator('html')).toHaveAttribute('lang', 'cs');

	await p.getByRole('button', { name: 'Vytvořit můj odkaz na kalendář' }).click();
	const feedUrl = (await p.locator('code').filter({ hasText: '/calendar/' }).textContent())!.trim();
	const ics = (await (await p.request.get(feedUrl)).text()).replace(/\r\n[ \t]/g, '');
	const lines = ics.split('\r\n');
	const titles = lines.filter((l) => l.startsWith('SUMMARY:'));
	expect(titles).toHaveLength(4);
	for (const [i, t] of titles.entries()) {
		expect(t).toMatch(new RegExp(`^SUMMARY:Praxe zaměřená na zotavení — Setkání ${i + 1}: `));
	}
	for (const d of lines.filter((l) => l.startsWith('DESCRIPTION:'))) {
		expect(d.split(url).length - 1, d).toBe(1);
	}
	await ctx.close();
});

test('opening an invitation while signed in as someone else explains it and offers to sign out and continue', async ({
	browser,
	page
}) => {
	test.setTimeout(90_000);
	await signInWithPassword(page, 'sam@example.org');
	const url = await createCohort(page, `Switch group ${Date.now()}`, '18');
	const invite = page.getByRole('region', { name: 'Invite participants' });
	const newcomer = `newcomer-${Date.now()}@example.org`;
	const miraBefore = await emailCount('mira@example.org');
	for (const email of [newcomer, 'mira@example.org']) {
		await invite.getByLabel('Email address').fill(email);
		await invite.getByRole('button', { name: 'Send the invitation' }).click();
		await expect(page.getByRole('status')).toContainText(email);
	}
	const forNewcomer = firstLink((await latestEmail(newcomer)).text);
	const forMira = firstLink((await latestEmail('mira@example.org', miraBefore)).text);

	// Robin is signed in on this device and opens an invitation meant for someone new.
	const ctx = await browser.newContext();
	const r = await ctx.newPage();
	await signInWithPassword(r, 'robin@example.org');
	await r.goto(forNewcomer);
	await expect(
		r.getByText(`You are signed in as robin@example.org, but this invitation is for ${newcomer}.`)
	).toBeVisible();
	await expect(r.getByLabel('Display name')).toHaveCount(0);
	await expectAccessible(r);
	await r.getByRole('button', { name: 'Sign out and continue' }).click();
	await expect(r).toHaveURL(forNewcomer);
	await expect(r.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expect(r.getByLabel('Display name')).toBeVisible();

	// An invitation for an existing account: after signing out, signing in leads back to it.
	await signInWithPassword(r, 'robin@example.org');
	await r.goto(forMira);
	await expect(
		r.getByText(
			'You are signed in as robin@example.org, but this invitation is for mira@example.org.'
		)
	).toBeVisible();
	await r.getByRole('button', { name: 'Sign out and continue' }).click();
	await expect(r).toHaveURL(forMira);
	await r.getByRole('link', { name: 'Sign in to accept' }).click();
	const form = r.getByRole('region', { name: 'With your password' });
	await form.getByLabel('Email address').fill('mira@example.org');
	await form.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(r).toHaveURL(forMira);
	await r.getByLabel('I have read the privacy notice').check();
	await r.getByRole('button', { name: 'Accept the invitation' }).click();
	await expect(r).toHaveURL(url);
	await expect(r.getByText('you have a place', { exact: true })).toBeVisible();
	await ctx.close();
});
