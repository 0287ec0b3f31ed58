import { expect, test, type Page } from '@playwright/test';
import { OUTBOX_APP } from '../../playwright.config.ts';
import {
	DEMO_PASSWORD,
	emailCount,
	expectAccessible,
	firstLink,
	latestEmail,
	SIGN_OUT,
	signInWithPassword
} from './helpers.ts';

test('a participant signs in with the link emailed through SMTP', async ({ page }) => {
	const before = await emailCount('jana@example.org');
	await page.goto('/sign-in');
	await expectAccessible(page);
	const linkForm = page.getByRole('region', { name: 'Or with a link sent by email' });
	await linkForm.getByLabel('Email address').fill('jana@example.org');
	await linkForm.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	await expectAccessible(page);

	const mail = await latestEmail('jana@example.org', before);
	// Jana's profile language is Czech, so the email is too.
	expect(mail.subject).toContain('Trellis');
	expect(mail.subject).not.toBe('Your sign-in link for Trellis');
	await page.goto(firstLink(mail.text));
	await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
	await expectAccessible(page);

	// The link works once.
	await page.context().clearCookies();
	await page.goto(firstLink(mail.text));
	await expect(page).toHaveURL(/\/sign-in\?error=/);
	await expect(page.getByRole('alert')).toBeVisible();
});

test('in the zero-setup demo the sign-in link is read in the admin outbox', async ({ browser }) => {
	const participantCtx = await browser.newContext({ baseURL: OUTBOX_APP });
	const participant = await participantCtx.newPage();
	await participant.goto('/sign-in');
	const linkForm = participant.getByRole('region', { name: 'Or with a link sent by email' });
	await linkForm.getByLabel('Email address').fill('mira@example.org');
	await linkForm.getByRole('button', { name: 'Email me a sign-in link' }).click();
	await expect(participant.getByRole('heading', { name: 'Check your email' })).toBeVisible();

	const adminCtx = await browser.newContext({ baseURL: OUTBOX_APP });
	const admin = await adminCtx.newPage();
	await signInWithPassword(admin, 'admin@example.org');
	await admin.getByRole('link', { name: 'Administration' }).click();
	await admin.getByRole('link', { name: 'Outbox' }).click();
	await expectAccessible(admin);
	await admin
		.getByRole('link', { name: /Open the email to mira@example.org/ })
		.first()
		.click();
	await expectAccessible(admin);
	const link = await admin.getByRole('link', { name: /magic-link\/verify/ }).getAttribute('href');
	expect(link).toBeTruthy();

	await participant.goto(link!);
	await expect(participant.getByText('Welcome, Mira.')).toBeVisible();
	await participantCtx.close();
	await adminCtx.close();
});

test('an admin invites a facilitator who creates an account from the emailed link', async ({
	browser
}) => {
	const adminCtx = await browser.newContext();
	const admin = await adminCtx.newPage();
	await signInWithPassword(admin, 'admin@example.org');
	await admin.goto('/admin/people');
	await expectAccessible(admin);
	const invitee = `new-facilitator-${Date.now()}@example.org`;
	const invite = admin.getByRole('region', { name: 'Invite someone' });
	await invite.getByLabel('Email address').fill(invitee);
	await invite.getByLabel('Role').selectOption({ label: 'Facilitator' });
	await invite.getByLabel('Language of the invitation').selectOption('uk');
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(admin.getByRole('status')).toContainText(invitee);
	await expect(admin.getByRole('cell', { name: invitee, exact: true })).toBeVisible();

	const mail = await latestEmail(invitee);
	expect(mail.text).toMatch(/Trellis/);
	const personCtx = await browser.newContext();
	const person = await personCtx.newPage();
	await person.goto(firstLink(mail.text));
	await expect(person.getByRole('heading', { name: /Join Demo Recovery College/ })).toBeVisible();
	await expectAccessible(person);
	await person.getByLabel('Display name').fill('Kai');
	await person.getByLabel('Pronouns (optional)').fill('they/them');
	await person.getByLabel('Password').fill('kai-has-a-long-password');
	// Invited in Ukrainian: the form offers Ukrainian and the account speaks it from then on.
	await expect(person.getByLabel('Preferred language')).toHaveValue('uk');
	await person.getByLabel('I have read the privacy notice').check();
	await person.getByRole('button', { name: 'Create my account' }).click();
	await expect(person.getByRole('heading', { name: 'Ваш профіль' })).toBeVisible();
	await expect(person.getByRole('listitem').filter({ hasText: 'Фасилітатор' })).toBeVisible();

	// The link cannot be used twice.
	await person.context().clearCookies();
	await person.goto(firstLink(mail.text));
	await expect(person.getByText(/no longer valid/)).toBeVisible();
	await adminCtx.close();
	await personCtx.close();
});

/* Through the emailed link, as a person does; returns once the new password is saved. */
async function resetPassword(page: Page, email: string, password: string) {
	const before = await emailCount(email);
	await page.goto('/forgot-password');
	await expectAccessible(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByRole('button', { name: 'Send the reset link' }).click();
	await expect(page.getByRole('status')).toContainText(email);
	const mail = await latestEmail(email, before);
	await page.goto(firstLink(mail.text));
	await expectAccessible(page);
	await page.getByLabel('New password', { exact: true }).fill(password);
	await page.getByLabel('Repeat the new password').fill(password);
	await page.getByRole('button', { name: 'Save the new password' }).click();
	await expect(page.getByRole('status')).toBeVisible();
}

test('password reset through the emailed link, then sign-in with the new password', async ({
	page
}) => {
	await resetPassword(page, 'petr@example.org', 'petr-new-password-1');
	await signInWithPassword(page, 'petr@example.org', 'petr-new-password-1');
	// The old password no longer works.
	await page.getByRole('button', { name: SIGN_OUT }).click();
	await page.context().clearCookies();
	await page.goto('/sign-in');
	const form = page.getByRole('region', { name: 'With your password' });
	await form.getByLabel('Email address').fill('petr@example.org');
	await form.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('do not match');
	// Petr is a demo person other tests sign in as: his password goes back to the demo one.
	await resetPassword(page, 'petr@example.org', DEMO_PASSWORD);
	await signInWithPassword(page, 'petr@example.org');
});

test('sign-out ends the session', async ({ page }) => {
	await signInWithPassword(page, 'taras@example.org');
	await page.getByRole('button', { name: SIGN_OUT }).click();
	await page.goto('/profile');
	await expect(page).toHaveURL(/\/sign-in/);
});

test('an invitation without a group offers the inviter’s time zone and saves exactly the zone it shows', async ({
	browser,
	page
}) => {
	await signInWithPassword(page, 'admin@example.org');
	await page.goto('/admin/people');
	const invitee = `zone-${Date.now()}@example.org`;
	const invite = page.getByRole('region', { name: 'Invite someone' });
	await invite.getByLabel('Email address').fill(invitee);
	await invite.getByLabel('Role').selectOption({ label: 'Participant' });
	await invite.getByLabel('Language of the invitation').selectOption('en');
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByRole('status')).toContainText(invitee);

	const ctx = await browser.newContext();
	const person = await ctx.newPage();
	await person.goto(firstLink((await latestEmail(invitee)).text));
	// Alex Morgan, who invited, works in Europe/Amsterdam.
	await expect(person.getByLabel('Time zone')).toHaveValue('Europe/Amsterdam');
	await person.getByLabel('Display name').fill('Noor');
	await person.getByLabel('Password').fill('noor-has-a-long-password');
	await person.getByLabel('I have read the privacy notice').check();
	await person.getByRole('button', { name: 'Create my account' }).click();
	await expect(person.getByRole('heading', { name: 'Your profile' })).toBeVisible();
	await expect(person.getByLabel('Time zone')).toHaveValue('Europe/Amsterdam');
	await ctx.close();
});
