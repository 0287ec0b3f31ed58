import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import {
	expectAccessible,
	firstLink,
	latestEmail,
	SIGN_OUT,
	signInWithPassword
} from './helpers.ts';

/*
 * The participant's workbook, without JavaScript: the tools as plain forms, the community map
 * drawn by the server, sharing one entry item by item and withdrawing it, and who may read it.
 */
const SHOTS = 'shots';

async function createGroup(page: Page, name: string) {
	await page.goto('/cohorts/new');
	await page.getByLabel('Name of the group').fill(name);
	await page.getByLabel('Time zone of the group').selectOption('Europe/Prague');
	await page.getByLabel('Places').fill('18');
	await page.getByRole('checkbox', { name: /Dana Novák/ }).check();
	const first = Date.now() + 3 * 86_400_000;
	for (let n = 1; n <= 4; n++) {
		const d = new Date(first + (n - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
		const s = page.getByRole('group', { name: `Session ${n}`, exact: true });
		await s.getByLabel('Date').fill(d);
		await s.getByLabel('Start time').fill('18:00');
	}
	await page.getByRole('button', { name: 'Create the group' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const join = (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();
	return { join, cohortUrl: page.url().replace(/\/manage.*$/, '') };
}

/*
 * A signed-in person browsing without JavaScript. axe needs JavaScript to run, so `check` opens
 * the same address in a second context of the same person (same cookies) and checks it there.
 */
async function person(browser: Browser, email: string) {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await signInWithPassword(page, email);
	await ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	let js: BrowserContext | undefined;
	const check = async (
		o: { url?: string; locale?: string; width?: number; shot?: string } = {}
	) => {
		js ??= await browser.newContext({ storageState: await ctx.storageState() });
		await js.addCookies([{ name: 'trellis_locale', value: o.locale ?? 'en', url: MAIL_APP }]);
		const pg = js.pages()[0] ?? (await js.newPage());
		await pg.setViewportSize({ width: o.width ?? 1280, height: 900 });
		await pg.goto(o.url ?? page.url());
		await expectAccessible(pg);
		if (o.shot) await pg.screenshot({ path: `${SHOTS}/${o.shot}.png`, fullPage: true });
		return pg;
	};
	const close = async () => {
		await js?.close();
		await ctx.close();
	};
	return { ctx, page, check, close };
}

/** A facilitator the admin invites, who leads a group of their own with Dana. */
async function otherGroupFacilitator(browser: Browser) {
	const admin = await person(browser, 'admin@example.org');
	await admin.page.goto('/admin/people');
	const email = `kim-${Date.now()}@example.org`;
	const invite = admin.page.getByRole('region', { name: 'Invite someone' });
	await invite.getByLabel('Email address').fill(email);
	await invite.getByLabel('Role').selectOption({ label: 'Facilitator' });
	await invite.getByLabel('Language of the invitation').selectOption('en');
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(admin.page.getByRole('status')).toContainText(email);
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto(firstLink((await latestEmail(email)).text));
	await page.getByLabel('Display name').fill('Kim');
	await page.getByLabel('Password').fill('kim-has-a-long-password');
	await page.getByLabel('I have read the privacy notice').check();
	await page.getByRole('button', { name: 'Create my account' }).click();
	await createGroup(page, `Kim's group ${Date.now()}`);
	return { admin, kim: { ctx, page } };
}

async function takePlace(page: Page, join: string) {
	await page.goto(join);
	await page.getByRole('button', { name: 'Take a place' }).click();
}

const tool = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function addSpotting(page: Page, date: string, text: string) {
	const t = tool(page, 'Strength-spotting log');
	await t.getByLabel('Date').fill(date);
	await t.getByLabel('The strength I noticed').fill(text);
	await t.getByRole('button', { name: 'Save in my workbook' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved in your workbook.' })
	).toBeVisible();
}

async function addTie(page: Page, t: [string, string, string, string, string, string]) {
	const r = tool(page, 'Community map');
	await r.getByLabel('Name (a person, group, place or resource)').fill(t[0]);
	await r.getByLabel('Kind', { exact: true }).selectOption({ label: t[1] });
	await r.getByLabel('Where it matters most').selectOption({ label: t[2] });
	await r.getByLabel('Closeness').selectOption({ label: t[3] });
	await r.getByLabel('Quality of the tie').selectOption({ label: t[4] });
	await r.getByLabel('Direction').selectOption({ label: t[5] });
	await r.getByRole('button', { name: 'Save in my workbook' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved in your workbook.' })
	).toBeVisible();
}

test('without JavaScript a participant fills the tools, sees the map, shares one entry and withdraws it', async ({
	browser,
	page
}) => {
	test.setTimeout(420_000);
	await signInWithPassword(page, 'sam@example.org');
	const { join, cohortUrl } = await createGroup(page, `Workbook group ${Date.now()}`);
	const jana = await person(browser, 'jana@example.org');
	const olena = await person(browser, 'olena@example.org');
	await takePlace(jana.page, join);
	await takePlace(olena.page, join);

	const p = jana.page;
	await p.goto(cohortUrl);
	await p.getByRole('link', { name: 'My workbook' }).click();
	await expect(p.getByRole('heading', { level: 1, name: 'My workbook' })).toBeVisible();
	await jana.check();
	await p.getByRole('link', { name: /^Session 1:/ }).click();
	await expect(p.getByRole('heading', { name: 'Until the next session' })).toBeVisible();
	await jana.check();

	const profile = tool(p, 'Strengths profile');
	await profile.getByLabel('Area of life').selectOption({ label: 'Leisure' });
	await profile.getByLabel('How it is now').fill('I walk with my dog most mornings.');
	await profile.getByLabel('What I wish for').fill('Sing in a choir again.');
	await profile.getByLabel('Strengths and resources I have').fill('Patience; a good ear.');
	await profile.getByLabel('What helped before').fill('A friend who came along.');
	await profile.getByRole('button', { name: 'Save in my workbook' }).click();
	await expect(profile.getByText('Sing in a choir again.')).toBeVisible();
	await addSpotting(p, '2026-11-20', 'My neighbour listened without hurrying.');
	await addSpotting(p, '2026-11-21', 'I asked for help at work.');
	await addSpotting(p, '2026-11-22', 'Petr made everyone laugh in the queue.');
	await expect(tool(p, 'Strength-spotting log').getByRole('listitem')).toHaveCount(3);
	await jana.check();

	await p.goto(`${cohortUrl}/workbook/sessions/2`);
	const ties: [string, string, string, string, string, string][] = [
		['Ana, my sister', 'Person', 'Belonging', 'Close', 'Supportive', 'Both ways'],
		['Choir', 'Group', 'Doing', 'In between', 'Supportive', 'Both ways'],
		['Library', 'Place', 'Being', 'Close', 'Weak', 'One way'],
		['Job centre', 'Resource', 'Becoming', 'Distant', 'Stressful', 'One way'],
		['Neighbour', 'Person', 'Belonging', 'In between', 'Weak', 'Both ways'],
		['Park', 'Place', 'Being', 'In between', 'Supportive', 'One way']
	];
	for (const t of ties) await addTie(p, t);
	const map = p.getByRole('img', { name: 'Community map with 6 ties' });
	await expect(map).toBeVisible();
	await expect(map.locator('circle[r="10"]')).toHaveCount(6);
	const list = p.getByRole('list', { name: 'The map as a list' });
	await expect(list.getByRole('listitem')).toHaveCount(6);
	await expect(list).toContainText('Job centre');
	await p.getByLabel('Name of the snapshot (for example: before the course)').fill('Before');
	await p.getByRole('button', { name: 'Keep a snapshot of my map' }).click();
	await expect(p.getByText(/Before: 6 ties, .* \(About me\)/)).toBeVisible();
	await jana.check({ shot: 'workbook-map-en-1280' });

	// The map may describe a fictional person instead: a plain form, shown with the map.
	await expect(p.getByRole('heading', { name: 'My community map — About me' })).toBeVisible();
	await expect(p.getByRole('img', { name: /with 6 ties\. About me\./ })).toBeVisible();
	const about = p.getByRole('group', { name: 'Whom does this map describe?' });
	await expect(about.getByLabel('About me')).toBeChecked();
	await about.getByLabel('About a fictional person').check();
	await p.getByRole('button', { name: 'Save the choice' }).click();
	await expect(p.getByRole('status').filter({ hasText: 'Choice saved.' })).toBeVisible();
	await expect(
		p.getByRole('heading', { name: 'My community map — About a fictional person' })
	).toBeVisible();
	const fictional = p.getByRole('img', { name: /with 6 ties\. About a fictional person\./ });
	await expect(fictional.getByText('Person', { exact: true })).toBeVisible();
	await expect(p.getByText(/Before: 6 ties, .* \(About me\)/)).toBeVisible();
	await addTie(p, ['Cousin', 'Person', 'Belonging', 'Distant', 'Weak', 'Both ways']);

	// Compare the snapshot with the map now: both drawn, and what changed as a list.
	await p.getByRole('link', { name: 'Compare a snapshot with the map now' }).click();
	await expect(
		p.getByRole('heading', { level: 1, name: 'Compare my community map' })
	).toBeVisible();
	await expect(p.getByRole('img', { name: /with 6 ties\. About me\./ })).toBeVisible();
	await expect(
		p.getByRole('img', { name: /with 7 ties\. About a fictional person\./ })
	).toBeVisible();
	const changes = p.getByRole('region', { name: 'What changed' }).getByRole('listitem');
	await expect(changes).toHaveText([
		'Whom the map describes: About me → About a fictional person',
		'Tie added: Cousin'
	]);
	const compareUrl = p.url();
	await jana.check({ shot: 'workbook-compare-en-1280' });
	await p
		.getByRole('combobox', { name: 'Later map' })
		.selectOption(await p.getByRole('combobox', { name: 'Earlier map' }).inputValue());
	await p.getByRole('button', { name: 'Compare', exact: true }).click();
	await expect(p.getByText('Nothing changed between these two maps.')).toBeVisible();

	// CARe practice: the same goal as the personal plan and as the support plan, step by step.
	await p.goto(`${cohortUrl}/workbook/sessions/4`);
	const care = tool(p, 'CARe practice');
	await care.getByLabel('I am working on').selectOption({ label: 'A fictional case' });
	await care.getByLabel('The wish').fill('Sing in a choir again');
	await care.getByLabel('The goal').fill('Join the parish choir by spring');
	await care.getByLabel('The steps').fill('Find the rehearsal times\nGo to one rehearsal');
	await care.getByLabel('Who helps').fill('Ana, her sister');
	await care
		.getByLabel('The support plan: what the worker does to support this goal')
		.fill('Looks up the times with her\nGoes along the first time');
	await care.getByRole('button', { name: 'Save in my workbook' }).click();
	await care.getByRole('link', { name: /^Open/ }).click();
	const careUrl = p.url();
	await expect(
		p.getByRole('region', { name: 'The same goal, two plans' }).getByText('A fictional case')
	).toBeVisible();
	const personal = p.getByRole('region', { name: 'The personal plan' });
	await expect(personal.getByRole('listitem')).toHaveText([
		'Find the rehearsal times',
		'Go to one rehearsal'
	]);
	await expect(personal).toContainText('Ana, her sister');
	const support = p.getByRole('region', { name: 'The support plan' });
	await expect(support).toContainText('Join the parish choir by spring');
	await expect(support).toContainText('Step 2: Go to one rehearsal');
	await expect(support).toContainText('What the worker does: Goes along the first time');
	await jana.check({ shot: 'workbook-care-en-1280' });

	// Share one strength-spotting entry with the facilitators.
	await p.goto(`${cohortUrl}/workbook/sessions/1`);
	await tool(p, 'Strength-spotting log')
		.getByRole('link', { name: /Open\s*: Strength-spotting log 2026-11-21/ })
		.click();
	const entryUrl = p.url();
	await jana.check();
	await p.getByLabel('Me and the facilitators of this group').check();
	await p.getByRole('button', { name: 'Change who can read this' }).click();
	await expect(p.getByText('Done: who can read it has changed.')).toBeVisible();
	await expect(p.getByText('Nobody has opened it.')).toBeVisible();

	// The cohort's facilitator sees it, marked by who shared it, and opens it.
	await page.goto(`${cohortUrl}/workbook/shared`);
	await expect(page.getByText('Shared by Jana')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /Open\s*: Strength-spotting log, Jana/ }).click();
	await expect(page.getByText('I asked for help at work.')).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: `${SHOTS}/workbook-shared-entry-facilitator.png`, fullPage: true });

	// Another cohort's facilitator, an admin and another participant: 404.
	const { admin, kim } = await otherGroupFacilitator(browser);
	for (const other of [kim.page, admin.page, olena.page]) {
		const r = await other.goto(entryUrl);
		expect(r?.status()).toBe(404);
	}
	// Private entries never show, not even on the shared list of the cohort's facilitator.
	await page.goto(`${cohortUrl}/workbook/shared`);
	await expect(page.getByText('My neighbour listened')).toHaveCount(0);

	// Withdrawn: gone from the facilitator's view and address; the owner saw who opened it.
	await p.goto(entryUrl);
	await expect(p.getByText(/Sam Rivera, first on/)).toBeVisible();
	await p.getByLabel('Only me').check();
	await p.getByRole('button', { name: 'Change who can read this' }).click();
	await expect(p.getByText('Done: who can read it has changed.')).toBeVisible();
	await page.goto(`${cohortUrl}/workbook/shared`);
	await expect(page.getByText('Nobody has shared an entry with you yet.')).toBeVisible();
	expect((await page.goto(entryUrl))?.status()).toBe(404);
	await expect(p.getByText(/Sam Rivera, first on/)).toBeVisible();

	// Every workbook page in each language, narrow and wide.
	const pages = [
		`${cohortUrl}/workbook`,
		`${cohortUrl}/workbook/sessions/1`,
		`${cohortUrl}/workbook/sessions/2`,
		`${cohortUrl}/workbook/sessions/3`,
		`${cohortUrl}/workbook/sessions/4`,
		entryUrl,
		compareUrl,
		careUrl
	];
	for (const locale of ['en', 'cs', 'uk']) {
		for (const width of [375, 1280]) {
			for (const [i, url] of pages.entries()) {
				await jana.check({
					url,
					locale,
					width,
					shot: [1, 2, 6, 7].includes(i) ? `workbook-${i}-${locale}-${width}` : undefined
				});
			}
		}
	}
	// Take it with you: the PDF in Czech and Ukrainian (rendered to PNG and looked at outside the
	// test), and the JSON with every entry; nobody else can download them.
	for (const locale of ['cs', 'uk']) {
		await jana.ctx.addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
		const r = await p.request.get(`${cohortUrl}/workbook/workbook.pdf`);
		expect(r.status()).toBe(200);
		expect(r.headers()['content-type']).toBe('application/pdf');
		writeFileSync(`${SHOTS}/workbook-${locale}.pdf`, await r.body());
	}
	const exported = (await (await p.request.get(`${cohortUrl}/workbook/workbook.json`)).json()) as {
		mapAbout: string;
		mapSnapshots: { about: string }[];
		entries: { kind: string; fields: Record<string, string> }[];
	};
	expect(exported.mapAbout).toBe('fictional');
	expect(exported.mapSnapshots.map((s) => s.about)).toEqual(['self']);
	expect(exported.entries.map((e) => e.kind).sort()).toEqual([
		'care-plan',
		...Array(7).fill('map-tie'),
		...Array(3).fill('strength-spotting'),
		'strengths-profile'
	]);
	expect(exported.entries.map((e) => e.fields.text)).toContain('I asked for help at work.');
	for (const other of [admin.page, page]) {
		for (const file of ['workbook.json', 'workbook.pdf']) {
			expect((await other.request.get(`${cohortUrl}/workbook/${file}`)).status()).toBe(404);
		}
	}
	// Another participant's download is their own workbook, which holds none of these.
	const theirs = await (await olena.page.request.get(`${cohortUrl}/workbook/workbook.json`)).json();
	expect(theirs.entries).toEqual([]);
	await page.context().addCookies([{ name: 'trellis_locale', value: 'uk', url: MAIL_APP }]);
	await page.goto(`${cohortUrl}/workbook/shared`);
	await expectAccessible(page);
	await page.context().addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	for (const c of [jana, olena, admin]) await c.close();
	await kim.ctx.close();
});

test('bad input to the workbook: a localised 4xx and nothing stored half-way', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const sam = await person(browser, 'sam@example.org');
	const { join, cohortUrl } = await createGroup(sam.page, `Workbook bad input ${Date.now()}`);
	const jana = await person(browser, 'jana@example.org');
	const olena = await person(browser, 'olena@example.org');
	await takePlace(jana.page, join);
	await takePlace(olena.page, join);
	await jana.ctx.addCookies([{ name: 'trellis_locale', value: 'cs', url: MAIL_APP }]);
	const post = (page: Page, path: string, form: Record<string, string>) =>
		page.request.post(`${MAIL_APP}${path}`, {
			form,
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		});
	const id = () => crypto.randomUUID();
	const s1 = `/${cohortUrl.split('/').slice(3).join('/')}/workbook/sessions/1?/add`;

	const long = await post(jana.page, s1, {
		id: id(),
		kind: 'reflection',
		text: 'x'.repeat(10_000)
	});
	expect(long.status()).toBe(400);
	expect(await long.text()).toContain('Zkraťte prosím text na méně než 4000 znaků.');
	const markup = await post(jana.page, s1, {
		id: id(),
		kind: 'reflection',
		text: '<script>alert(1)</script>'
	});
	expect(markup.status()).toBe(400);
	const body = await markup.text();
	expect(body).toContain('Nepoužívejte prosím znaky &lt; a >.');
	expect(body).not.toContain('<script>alert(1)');
	const unknown = await post(jana.page, s1.replace('sessions/1', 'sessions/9'), {
		id: id(),
		kind: 'reflection',
		text: 'Hello'
	});
	expect(unknown.status()).toBe(404);
	expect(await unknown.text()).toContain('Tuto stránku jsme nenašli.');
	const wrongKind = await post(jana.page, s1, { id: id(), kind: 'map-tie', name: 'Ana' });
	expect(wrongKind.status()).toBe(404);

	// An entry of Olena's: Jana can neither read, save, share nor delete it, even by its id.
	const entryId = id();
	const ok = await post(olena.page, s1, { id: entryId, kind: 'reflection', text: 'Olena’s own' });
	expect(ok.status()).toBe(303);
	const entry = `/${cohortUrl.split('/').slice(3).join('/')}/workbook/entries/${entryId}`;
	expect((await jana.page.goto(`${MAIL_APP}${entry}`))?.status()).toBe(404);
	for (const action of ['save', 'share', 'remove', 'keepBoth']) {
		const r = await post(jana.page, `${entry}?/${action}`, {
			base: '1',
			text: 'Overwritten',
			sharing: 'cohort'
		});
		expect(r.status(), action).toBe(404);
	}
	// Reusing Olena's id for a new entry of Jana's: refused, Olena's entry unchanged.
	const reuse = await post(jana.page, s1, { id: entryId, kind: 'reflection', text: 'Mine now' });
	expect(reuse.status()).toBe(404);
	const forged = await post(jana.page, `${entry.replace(entryId, 'not-a-uuid')}?/save`, {
		base: '1'
	});
	expect(forged.status()).toBe(404);

	// A stale base version: 409 and both versions, nothing overwritten.
	const saveOk = await post(olena.page, `${entry}?/save`, { base: '1', text: 'Second version' });
	expect(saveOk.status()).toBe(200);
	const stale = await post(olena.page, `${entry}?/save`, { base: '1', text: 'From the old tab' });
	expect(stale.status()).toBe(409);
	await olena.page.goto(`${MAIL_APP}${entry}`);
	await expect(olena.page.getByRole('definition')).toHaveText('Second version');
	await expect(olena.page.getByText('From the old tab')).toHaveCount(0);

	// Nothing of the refused posts is in Jana's workbook.
	await jana.ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	await jana.page.goto(`${cohortUrl}/workbook`);
	await expect(jana.page.getByText('Nothing written yet.')).toHaveCount(4);
	for (const c of [sam, jana, olena]) await c.close();
});

test('with JavaScript, drafts survive going offline, are stored once, and an edit elsewhere brings the choice', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const sam = await person(browser, 'sam@example.org');
	const { join, cohortUrl } = await createGroup(sam.page, `Workbook drafts ${Date.now()}`);
	const laptop = await browser.newContext();
	const p = await laptop.newPage();
	await signInWithPassword(p, 'mira@example.org');
	await laptop.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	await takePlace(p, join);
	await p.goto(`${cohortUrl}/workbook/sessions/4`);
	const reflection = tool(p, 'Reflection');
	const box = reflection.getByLabel('My reflection');
	const status = reflection.getByRole('status');
	await box.fill('Before the connection dropped.');
	await expect(status).toHaveText('Draft saved.');
	await laptop.setOffline(true);
	await box.fill('Before the connection dropped. Written while offline.');
	await expect(status).toHaveText(/You are offline/);
	await expectAccessible(p);
	await laptop.setOffline(false);
	await expect(status).toHaveText('Draft saved.');
	await p.reload();
	const entries = tool(p, 'Reflection').getByRole('listitem');
	await expect(entries).toHaveCount(1);
	await expect(entries).toContainText('Written while offline.');

	// The same entry edited on a phone meanwhile: the laptop's next save brings the choice.
	await entries.getByRole('link', { name: /Open/ }).click();
	const entryUrl = p.url();
	const phone = await person(browser, 'mira@example.org');
	await phone.page.goto(entryUrl);
	await phone.page.getByLabel('My reflection').fill('Edited on the phone.');
	await phone.page.getByRole('button', { name: 'Save changes' }).click();
	await expect(phone.page.getByText('Saved in your workbook.')).toBeVisible();
	await p.getByLabel('My reflection').fill('Edited on the laptop.');
	const conflict = p.getByRole('region', { name: 'This entry was changed elsewhere' });
	await expect(conflict).toBeVisible();
	await expect(conflict).toContainText('Edited on the phone.');
	await expect(conflict).toContainText('Edited on the laptop.');
	await expectAccessible(p);
	const count = () =>
		p.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const open = indexedDB.open('trellis-workbook');
					open.onsuccess = () => {
						const db = open.result;
						if (!db.objectStoreNames.contains('outbox')) return resolve(0);
						const req = db.transaction('outbox').objectStore('outbox').count();
						req.onsuccess = () => resolve(req.result);
					};
				})
		);
	await conflict.getByRole('button', { name: 'Keep both' }).click();
	await expect(conflict).toBeHidden();
	// "Keep both" sends the second entry through the outbox: wait until it has gone (leaving
	// earlier is safe for the person — it is sent on the next visit — but this page is
	// rendered before that).
	await expect.poll(count).toBe(0);
	await p.goto(`${cohortUrl}/workbook/sessions/4`);
	const after = tool(p, 'Reflection').getByRole('listitem');
	await expect(after).toHaveCount(2);
	await expect(after.filter({ hasText: 'Edited on the phone.' })).toHaveCount(1);
	await expect(after.filter({ hasText: 'Edited on the laptop.' })).toHaveCount(1);

	// Signing out empties this browser's outbox, with a draft still waiting in it.
	await p.route('**/workbook/drafts', (r) => r.abort());
	await tool(p, 'Reflection').getByLabel('My reflection').fill('Never sent.');
	await expect(tool(p, 'Reflection').getByRole('status')).toHaveText(/You are offline/);
	expect(await count()).toBe(1);
	await p.getByRole('button', { name: SIGN_OUT }).click();
	await expect(p).toHaveURL(/sign-in/);
	const left = await count();
	expect(left).toBe(0);
	await laptop.close();
	await phone.close();
	await sam.close();
});

test('the Day 2 live map: a private note stays in its writer’s workbook, a shared one reaches the group', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	await signInWithPassword(page, 'sam@example.org');
	await page.goto('/cohorts');
	await page.getByRole('link', { name: 'Demo group: the course in progress' }).click();
	await page.getByRole('link', { name: "See the participants' schedule page" }).click();
	const cohortUrl = page.url();
	const live = (await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /^Session 2/ }) })
		.getByRole('link', { name: /Join the session/ })
		.getAttribute('href'))!;
	await page.goto(`${live}/console`);
	const press = async (name: string) => {
		await page.getByRole('button', { name }).click();
		await page.waitForLoadState();
	};
	if (await page.getByRole('button', { name: 'Begin the session' }).isVisible()) {
		await press('Begin the session');
	}
	const mapNow = page.getByRole('heading', { name: /^Now: Self-experience: my community map/ });
	for (let i = 0; i < 15 && !(await mapNow.isVisible()); i++) await press('Next part');
	await expect(mapNow).toBeVisible();
	await press('Start the activity');

	const taras = await person(browser, 'taras@example.org');
	const petr = await person(browser, 'petr@example.org');
	const mira = await person(browser, 'mira@example.org');
	const note = async (p: Page, column: string, text: string, share: boolean) => {
		await p.goto(live);
		await p.getByRole('group', { name: 'Where does it belong?' }).getByLabel(column).check();
		await p.getByLabel('Your note').fill(text);
		if (share) await p.getByLabel('Share this note with the group (without your name)').check();
		await p.getByRole('button', { name: 'Send' }).click();
		await expect(
			p.getByText(/^(Thank you, your answer is in\.|You have answered\.)$/).first()
		).toBeVisible();
	};
	await note(taras.page, 'Belonging', 'My brother Ivo', false);
	await note(petr.page, 'Doing', 'The allotment garden', true);
	await press('Show results to the group');

	for (const [who, url] of [
		[page, `${live}/projector`],
		[mira.page, live],
		[mira.page, `${live}/record`],
		[taras.page, live]
	] as const) {
		await who.goto(url);
		await expect(who.getByText('The allotment garden').first()).toBeVisible();
		await expect(who.getByText('My brother Ivo')).toHaveCount(0);
	}
	await taras.check({ url: `${live}/record` });

	// Each note is on its writer's own workbook map, private there.
	await taras.page.goto(`${cohortUrl}/workbook/sessions/2`);
	await expect(
		taras.page.getByRole('list', { name: 'The map as a list' }).getByText('My brother Ivo')
	).toBeVisible();
	await expect(taras.page.getByText(/Kept in your workbook only/)).toBeVisible();
	await taras.check({ shot: 'workbook-live-map-taras' });
	await petr.page.goto(`${cohortUrl}/workbook/sessions/2`);
	await expect(
		petr.page.getByRole('list', { name: 'The map as a list' }).getByText('The allotment garden')
	).toBeVisible();
	await expect(petr.page.getByText(/Shared with the group \(without your name\)/)).toBeVisible();
	for (const c of [taras, petr, mira]) await c.close();
});
