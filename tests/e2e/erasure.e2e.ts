import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, firstLink, latestEmail, signInWithPassword } from './helpers.ts';

/*
 * Erasing an account (issue #16, ADR 026): the person's own page in each language, with a
 * wrong password first (a localised 4xx, nothing erased), and an admin's erasure on request
 * with a reason. What erasure does to each table is the database test's job
 * (src/lib/server/privacy/erase-account.db.test.ts); here: the pages, the forms, the sign-out.
 */
type Messages = Record<string, string>;
const messages = (l: string): Messages =>
	JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Messages;
const PASSWORD = 'a-long-password-for-erasure';
// Several people, pages and axe runs per test, on a shared two-core machine.
test.describe.configure({ timeout: 240_000 });

/** A new participant, invited by the demo admin in `locale`, signed in on their own page. */
async function newParticipant(browser: Browser, admin: Page, locale: string, name: string) {
	const invitee = `erase-${locale}-${Date.now()}@example.org`;
	await admin.goto('/admin/people');
	const invite = admin.getByRole('region', { name: 'Invite someone' });
	await invite.getByLabel('Email address').fill(invitee);
	await invite.getByLabel('Role').selectOption({ label: 'Participant' });
	await invite.getByLabel('Language of the invitation').selectOption(locale);
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(admin.getByRole('status')).toContainText(invitee);
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(firstLink((await latestEmail(invitee)).text));
	await page.getByLabel('Display name').fill(name);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByLabel('I have read the privacy notice').check();
	await page.getByRole('button', { name: 'Create my account' }).click();
	await expect(page.getByRole('heading', { name: messages(locale).profile_title })).toBeVisible();
	return { page, ctx, email: invitee };
}

const isErasePost = (url: string) => (r: { url(): string; request(): { method(): string } }) =>
	r.url().includes(url) && r.request().method() === 'POST';

for (const locale of ['en', 'cs', 'uk']) {
	test(`a person erases their own account in ${locale}: a wrong password erases nothing, then it is gone`, async ({
		browser
	}) => {
		const t = messages(locale);
		const adminCtx = await browser.newContext();
		const admin = await adminCtx.newPage();
		await signInWithPassword(admin, 'admin@example.org');
		const { page, ctx, email } = await newParticipant(browser, admin, locale, `Erin ${locale}`);

		await page.getByRole('link', { name: t.erase_link }).click();
		await expect(page.getByRole('heading', { level: 1, name: t.erase_title })).toBeVisible();
		await expect(page.getByRole('heading', { name: t.erase_goes_heading })).toBeVisible();
		await expect(page.getByRole('heading', { name: t.erase_stays_heading })).toBeVisible();
		await expectAccessible(page);

		// Bad input: a wrong password, then no confirmation. 400, localised, nothing erased.
		await page.getByLabel(t.erase_password_label).fill('not-my-password');
		await page.getByLabel(t.erase_confirm_label).check();
		const [wrong] = await Promise.all([
			page.waitForResponse(isErasePost('/profile/erase')),
			page.getByRole('button', { name: t.erase_submit }).click()
		]);
		expect(wrong.status()).toBe(400);
		await expect(page.getByText(t.erase_wrong_password)).toBeVisible();
		await expectAccessible(page);
		await page.getByLabel(t.erase_password_label).fill(PASSWORD);
		const [unconfirmed] = await Promise.all([
			page.waitForResponse(isErasePost('/profile/erase')),
			page.getByRole('button', { name: t.erase_submit }).click()
		]);
		expect(unconfirmed.status()).toBe(400);
		await expect(page.getByText(t.error_erase_confirm)).toBeVisible();
		await page.goto('/profile');
		await expect(page.getByRole('heading', { name: t.profile_title })).toBeVisible();
		await admin.goto('/admin/people');
		await expect(admin.getByRole('cell', { name: email, exact: true })).toBeVisible();

		// The right password and the box ticked: erased, signed out everywhere.
		await page.goto('/profile/erase');
		await page.getByLabel(t.erase_password_label).fill(PASSWORD);
		await page.getByLabel(t.erase_confirm_label).check();
		await page.getByRole('button', { name: t.erase_submit }).click();
		await expect(page.getByRole('heading', { name: t.erase_done_title })).toBeVisible();
		await expectAccessible(page);
		await page.goto('/profile');
		await expect(page).toHaveURL(/\/sign-in/);
		await admin.goto('/admin/people');
		await expect(admin.getByRole('cell', { name: email, exact: true })).toHaveCount(0);
		// Signing in again does not work: the account is gone.
		const again = await browser.newContext();
		const p2 = await again.newPage();
		await p2.goto('/sign-in');
		const form = p2.getByRole('region', { name: 'With your password' });
		await form.getByLabel('Email address').fill(email);
		await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await form.getByRole('button', { name: 'Sign in' }).click();
		await expect(p2.getByRole('alert')).toBeVisible();
		await Promise.all([again.close(), ctx.close(), adminCtx.close()]);
	});
}

test('an admin erases a person on request with a reason; a participant cannot erase someone else', async ({
	browser
}) => {
	const adminCtx = await browser.newContext();
	const admin = await adminCtx.newPage();
	await signInWithPassword(admin, 'admin@example.org');
	const target = await newParticipant(browser, admin, 'en', 'Robin');
	const other = await newParticipant(browser, admin, 'cs', 'Sam');

	// A forged erasure: Sam, a participant, posts to the admin's form for Robin. Refused.
	await admin.goto('/admin/people');
	const row = admin.getByRole('row').filter({ hasText: target.email });
	const href = await row.getByRole('link', { name: /Erase account/ }).getAttribute('href');
	const forged = await other.page.request.post(href!, {
		form: { reason: 'because', password: PASSWORD, confirm: 'on' },
		headers: { origin: MAIL_APP }
	});
	expect(forged.status()).toBe(403);
	await admin.goto('/admin/people');
	await expect(admin.getByRole('cell', { name: target.email, exact: true })).toBeVisible();

	await admin.goto(href!);
	await expect(admin.getByRole('heading', { level: 1, name: /Robin|Test/ })).toBeVisible();
	await expectAccessible(admin);
	// No reason: a localised 400, nothing erased.
	await admin.getByLabel('Your own password').fill('recovery-demo-2026');
	await admin.getByLabel(messages('en').erase_confirm_label).check();
	const [noReason] = await Promise.all([
		admin.waitForResponse(isErasePost('/erase')),
		admin.getByRole('button', { name: 'Erase this account' }).click()
	]);
	expect(noReason.status()).toBe(400);
	await expect(admin.getByText(messages('en').error_erase_reason)).toBeVisible();
	await expectAccessible(admin);

	await admin.getByLabel('Reason').fill('Request by email, 3 March');
	await admin.getByLabel('Your own password').fill('recovery-demo-2026');
	await admin.getByLabel(messages('en').erase_confirm_label).check();
	await admin.getByRole('button', { name: 'Erase this account' }).click();
	await expect(admin.getByRole('status')).toHaveText(messages('en').admin_erase_done);
	await expect(admin.getByRole('cell', { name: target.email, exact: true })).toHaveCount(0);
	await expect(admin.getByRole('cell', { name: other.email, exact: true })).toBeVisible();
	// Robin's browser is signed out.
	await target.page.goto('/profile');
	await expect(target.page).toHaveURL(/\/sign-in/);
	await Promise.all([target.ctx.close(), other.ctx.close(), adminCtx.close()]);
});
