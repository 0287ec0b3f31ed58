import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, firstLink, latestEmail, signInWithPassword } from './helpers.ts';

/*
 * Issue #16, items 2 and 6: "Download my data" on the profile, the privacy notice, its
 * acknowledgement on invitation acceptance, and consent for background and access needs.
 * Demo people keep their own languages (Mira and Robin English, Petr Czech, Olena and Taras
 * Ukrainian), so each language is seen through someone who reads it; no one's language is
 * switched. Axe and the markup check run on every page, so the tests get more time.
 */

test.describe.configure({ timeout: 180_000 });

const AREAS = [
	'account',
	'memberships',
	'cohort-profiles',
	'attendance',
	'certificates',
	'live-answers',
	'workbook',
	'evaluation',
	'emails',
	'access'
];

async function switchLanguage(page: Page, code: string) {
	await page.getByRole('combobox', { name: /^(Language|Jazyk|Мова)$/ }).selectOption(code);
	await page.getByRole('button', { name: /^(Change language|Změnit jazyk|Змінити мову)$/ }).click();
}

const DEMO_GROUP = 'Demo group: the course in progress';

async function openDemoGroup(page: Page) {
	await page.goto('/cohorts');
	await page.getByRole('link', { name: DEMO_GROUP }).first().click();
	return page.url();
}

async function download(page: Page, button: string) {
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	expect(dl.suggestedFilename()).toMatch(/^trellis-data-\d{4}-\d{2}-\d{2}\.zip$/);
	return unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
}

// The profile ships no JavaScript (csr = false), so these are plain form posts as they are;
// JavaScript stays on in the browser only because axe needs it.
test.describe('download my data', () => {
	test('a participant downloads their data from the profile and reads it in the browser', async ({
		page
	}) => {
		await signInWithPassword(page, 'mira@example.org');
		await page.goto('/profile');
		await expect(page.getByRole('heading', { name: 'Your data', exact: true })).toBeVisible();
		await expectAccessible(page);

		const files = await download(page, 'Download my data');
		const names = Object.keys(files).sort();
		for (const a of AREAS) {
			expect(names).toContain(`${a}.html`);
			expect(names).toContain(`${a}.json`);
		}
		expect(names).toContain('index.html');
		expect(names.filter((n) => !AREAS.some((a) => n.startsWith(`${a}.`)))).toEqual(
			names.filter((n) => n === 'index.html' || /^workbook-\d+\.pdf$/.test(n))
		);
		// Mira is in the demo group with a background shown to facilitators only.
		const profiles = JSON.parse(new TextDecoder().decode(files['cohort-profiles.json']));
		expect(profiles[0]).toMatchObject({
			cohortName: DEMO_GROUP,
			background: 'lived_experience',
			backgroundVisibility: 'facilitators'
		});
		const account = JSON.parse(new TextDecoder().decode(files['account.json']));
		expect(account.account.email).toBe('mira@example.org');
		expect(JSON.stringify(account)).not.toMatch(/password|token/i);
		// Her own emails only, and no one else's name in her profile data.
		const emails = JSON.parse(new TextDecoder().decode(files['emails.json']));
		expect(JSON.stringify(emails)).not.toMatch(/petr@|jana@|olena@|taras@|robin@/);

		// The pages open from the unzipped folder, without the server, and pass axe.
		const dir = mkdtempSync(join(tmpdir(), 'trellis-export-'));
		try {
			for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
			await page.goto(pathToFileURL(join(dir, 'index.html')).href);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data in Trellis');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Attendance' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attendance');
			await expect(page.getByRole('columnheader', { name: 'Status' })).toBeVisible();
			await expectAccessible(page);
			await page.getByRole('link', { name: 'Back to the overview' }).click();
			await page.getByRole('link', { name: 'Profiles in course groups' }).click();
			await expect(page.getByRole('cell', { name: 'Lived experience' })).toBeVisible();
			await expectAccessible(page);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('in Czech and Ukrainian the profile passes axe and the archive speaks the language', async ({
		browser
	}) => {
		for (const who of [
			{
				email: 'petr@example.org',
				lang: 'cs',
				heading: 'Vaše údaje',
				button: 'Stáhnout moje údaje'
			},
			{
				email: 'olena@example.org',
				lang: 'uk',
				heading: 'Ваші дані',
				button: 'Завантажити мої дані'
			}
		]) {
			const ctx = await browser.newContext();
			const page = await ctx.newPage();
			await signInWithPassword(page, who.email);
			await page.goto('/profile');
			await expect(page.locator('html')).toHaveAttribute('lang', who.lang);
			await expect(page.getByRole('heading', { name: who.heading, exact: true })).toBeVisible();
			await expectAccessible(page);
			const files = await download(page, who.button);
			const index = new TextDecoder().decode(files['index.html']);
			expect(index).toContain(`<html lang="${who.lang}">`);
			const dir = mkdtempSync(join(tmpdir(), 'trellis-export-'));
			try {
				for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
				await page.goto(pathToFileURL(join(dir, 'index.html')).href);
				await expectAccessible(page);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
			await ctx.close();
		}
	});
});

test('the export is limited per person: after five in an hour, the profile says so in the person’s language', async ({
	page
}) => {
	await signInWithPassword(page, 'taras@example.org');
	const post = () =>
		page.request.post(`${MAIL_APP}/profile/export`, {
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		});
	let last = await post();
	for (let i = 0; i < 6 && last.status() === 200; i++) last = await post();
	expect(last.status()).toBe(303);
	expect(last.headers()['location']).toBe('/profile?export=limited#export-heading');
	// The profile it leads to explains it; Taras reads Ukrainian.
	await page.goto(last.headers()['location']);
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByText('Ви вже кілька разів завантажували свої дані')).toBeVisible();
	await expectAccessible(page);
	// Signed out, there is nothing to download.
	const anon = await page.context().browser()!.newContext();
	const r = await anon.request.post(`${MAIL_APP}/profile/export`, {
		headers: { origin: MAIL_APP },
		maxRedirects: 0
	});
	expect(r.status()).toBe(303);
	await anon.close();
});

test('the privacy notice is public, linked from the footer, and accessible in every language', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
	await expect(page.getByRole('table', { name: 'What Trellis keeps about you' })).toBeVisible();
	await expect(
		page.getByRole('rowheader', { name: /your background and access needs/ })
	).toBeVisible();
	// How long: the organisation's own retention periods (the defaults here).
	await expect(page.getByRole('list', { name: 'How long' }).getByRole('listitem')).toHaveCount(5);
	await expectAccessible(page);
	for (const [code, title] of [
		['cs', 'Informace o ochraně osobních údajů'],
		['uk', 'Повідомлення про конфіденційність']
	]) {
		await switchLanguage(page, code);
		await page.goto('/privacy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectAccessible(page);
	}
});

test('accepting an invitation needs the privacy notice acknowledged; without it nothing happens', async ({
	browser
}) => {
	const adminCtx = await browser.newContext();
	const admin = await adminCtx.newPage();
	await signInWithPassword(admin, 'admin@example.org');
	await admin.goto('/admin/people');
	const invitee = `privacy-${Date.now()}@example.org`;
	const invite = admin.getByRole('region', { name: 'Invite someone' });
	await invite.getByLabel('Email address').fill(invitee);
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(admin.getByRole('status')).toContainText(invitee);
	const link = firstLink((await latestEmail(invitee)).text);

	const ctx = await browser.newContext();
	const p = await ctx.newPage();
	await p.goto(link);
	const notice = p.getByRole('region', { name: 'Your privacy' });
	await expect(notice).toContainText('kept only with your explicit consent');
	await expect(notice.getByRole('link', { name: 'Read the full privacy notice' })).toHaveAttribute(
		'href',
		'/privacy'
	);
	await expectAccessible(p);
	await p.getByLabel('Display name').fill('Noor');
	await p.getByLabel('Password').fill('noor-has-a-long-password');
	// Without the box: refused with a clear message, and no account is made.
	const refused = p.waitForResponse((r) => r.request().method() === 'POST');
	await p.getByRole('button', { name: 'Create my account' }).click();
	expect((await refused).status()).toBe(400);
	await expect(
		p.getByText('Please confirm that you have read the privacy notice. Nothing was changed.')
	).toBeVisible();
	await expect(p.getByLabel('I have read the privacy notice')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectAccessible(p);
	for (const [code, label] of [
		['cs', 'Přečetl(a) jsem si informace o ochraně osobních údajů'],
		['uk', 'Я прочитав(-ла) повідомлення про конфіденційність']
	]) {
		await switchLanguage(p, code);
		await p.goto(link);
		await expect(p.getByLabel(label)).toBeVisible();
		await expectAccessible(p);
	}
	await switchLanguage(p, 'en');
	await p.goto(link);
	await p.getByLabel('Display name').fill('Noor');
	await p.getByLabel('Password').fill('noor-has-a-long-password');
	await p.getByLabel('I have read the privacy notice').check();
	await p.getByRole('button', { name: 'Create my account' }).click();
	await expect(p.getByRole('heading', { name: 'Your profile' })).toBeVisible();
	await ctx.close();
	await adminCtx.close();
});

test('background and access needs ask for consent, keep its time, and withdrawing clears them', async ({
	page
}) => {
	await signInWithPassword(page, 'robin@example.org');
	const cohortUrl = await openDemoGroup(page);
	const about = () => page.getByRole('region', { name: 'What the group sees about me' });
	await about().getByLabel('Access needs (optional)').fill('A quiet start, please');
	const refused = page.waitForResponse((r) => r.request().method() === 'POST');
	await about().getByRole('button', { name: 'Save' }).click();
	expect((await refused).status()).toBe(400);
	await expect(
		about().getByText('To keep your background or access needs, tick the consent box')
	).toBeVisible();
	await expect(about().getByLabel('Access needs (optional)')).toHaveValue('A quiet start, please');
	await expectAccessible(page);
	// Nothing was saved.
	await page.goto(cohortUrl);
	await expect(about().getByLabel('Access needs (optional)')).toHaveValue('');

	await about().getByLabel('Access needs (optional)').fill('A quiet start, please');
	await about()
		.getByLabel('I agree that Trellis keeps my background and access needs for these purposes')
		.check();
	await about().getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Your profile is saved.');
	await page.goto(cohortUrl);
	await expect(about().getByText(/You gave your consent on/)).toBeVisible();
	await expect(about().getByLabel('Access needs (optional)')).toHaveValue('A quiet start, please');
	await expectAccessible(page);
	await about().getByRole('button', { name: 'Withdraw my consent and clear both fields' }).click();
	await expect(
		page.getByText('Your consent is withdrawn and your background and access needs are cleared.')
	).toBeVisible();
	await page.goto(cohortUrl);
	await expect(about().getByLabel('Access needs (optional)')).toHaveValue('');
	await expect(about().getByLabel('My background (optional)')).toHaveValue('');
	await expect(
		about().getByLabel(
			'I agree that Trellis keeps my background and access needs for these purposes'
		)
	).not.toBeChecked();
	// A forged post with the field but no consent is refused the same way.
	const r = await page.request.post(`${cohortUrl}?/profile`, {
		form: { backgroundVisibility: 'nobody', background: 'lived_experience' },
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(r.status()).toBe(400);
	expect(await r.text()).toContain('tick the consent box');
	await page.goto(cohortUrl);
	await expect(about().getByLabel('My background (optional)')).toHaveValue('');
});

test('the consent part of the group page passes axe in Czech and Ukrainian', async ({
	browser
}) => {
	// Petr and Olena's demo profiles were given with consent: the page says when, and offers
	// to withdraw it.
	for (const who of [
		{ email: 'petr@example.org', withdraw: 'Odvolat souhlas a vymazat obě pole' },
		{ email: 'olena@example.org', withdraw: 'Відкликати згоду й очистити обидва поля' }
	]) {
		const ctx = await browser.newContext();
		const page = await ctx.newPage();
		await signInWithPassword(page, who.email);
		await openDemoGroup(page);
		await expect(page.getByRole('button', { name: who.withdraw })).toBeVisible();
		await expectAccessible(page);
		await ctx.close();
	}
});
