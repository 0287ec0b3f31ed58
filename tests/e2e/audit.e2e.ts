import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, SIGN_OUT, signInWithPassword } from './helpers.ts';

/*
 * The audit of sensitive access (#16): a facilitator is shown Olena's access needs, an admin
 * downloads the group's report, and Olena sees both on her own page — who, what, when, never
 * the content. The admins' log lists them and refuses a forged filter in the reader's language.
 */

const GROUP = 'Demo group: the course in progress';

async function groupUrl(page: Page) {
	await page.goto('/cohorts');
	await page.getByRole('link', { name: GROUP }).click();
	// Facilitators land on the manage page, participants on the group page.
	await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}(\/manage)?$/);
	return new URL(page.url()).pathname.replace(/\/manage$/, '');
}

async function switchLanguage(page: Page, code: string) {
	await page.getByRole('combobox', { name: /Language|Jazyk|Мова/ }).selectOption(code);
	await page.getByRole('button', { name: /Change language|Změnit jazyk|Змінити мову/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', code);
}

test('a person sees who was shown their access needs and who exported a report with them', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const open = async (email: string) => {
		const ctx = await browser.newContext();
		await ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
		const page = await ctx.newPage();
		await signInWithPassword(page, email);
		return { ctx, page };
	};

	// Sam, a facilitator of the demo group, opens its manage page: Olena's access needs are on it.
	const sam = await open('sam@example.org');
	const group = await groupUrl(sam.page);
	await sam.page.goto(`${group}/manage`);
	await expect(sam.page.getByText('Captions or a short written summary')).toBeVisible();
	await sam.ctx.close();

	// Alex, an admin, downloads the group's report.
	const alex = await open('admin@example.org');
	const report = await alex.page.request.get(`${MAIL_APP}${group}/report.csv`);
	expect(report.status()).toBe(200);

	// The admins' log has both, and names the people concerned.
	await alex.page.goto('/admin');
	await alex.page.getByRole('link', { name: 'Audit log' }).click();
	await expect(alex.page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
	await alex.page.getByLabel('What happened').selectOption({ label: 'Access needs viewed' });
	await alex.page.getByRole('button', { name: 'Show' }).click();
	const log = alex.page.getByRole('table', { name: 'Audit log' });
	await expect(
		log
			.getByRole('row')
			.filter({ hasText: 'Sam Rivera (Facilitator)' })
			.filter({ hasText: 'Olena' })
	).toHaveCount(1);
	await expect(log).not.toContainText('Captions');
	await expectAccessible(alex.page);
	// A forged filter is refused in words, nothing shown.
	const forged = await alex.page.goto('/admin/audit?action=drop-table');
	expect(forged?.status()).toBe(400);
	await expect(alex.page.getByText('Please choose what happened from the list')).toBeVisible();
	const badDate = await alex.page.goto('/admin/audit?before=yesterday');
	expect(badDate?.status()).toBe(400);
	for (const code of ['cs', 'uk']) {
		await alex.page.goto('/admin/audit');
		await switchLanguage(alex.page, code);
		await expectAccessible(alex.page);
	}
	await alex.page.goto('/admin/audit?action=drop-table');
	await expect(alex.page.getByText('Будь ласка, виберіть зі списку')).toBeVisible();
	await switchLanguage(alex.page, 'en');
	await alex.ctx.close();

	// Olena's own page, in her language (Ukrainian): the facilitator and the admin, with the
	// role each acted in.
	const uk = JSON.parse(readFileSync('messages/uk.json', 'utf8')) as Record<string, string>;
	const olena = await open('olena@example.org');
	await olena.page.goto('/profile');
	await olena.page.getByRole('link', { name: uk.access_log_link }).click();
	await expect(
		olena.page.getByRole('heading', { level: 1, name: uk.access_log_title })
	).toBeVisible();
	const mine = olena.page.getByRole('table', { name: uk.access_log_title });
	await expect(
		mine
			.getByRole('row')
			.filter({ hasText: `Sam Rivera (${uk.role_facilitator})` })
			.filter({ hasText: uk.audit_action_read_access_needs })
	).toHaveCount(1);
	await expect(
		mine
			.getByRole('row')
			.filter({ hasText: `Alex Morgan (${uk.role_admin})` })
			.filter({ hasText: uk.audit_action_export_report })
			.filter({ hasText: GROUP })
	).toHaveCount(1);
	await expect(mine).not.toContainText('Captions');
	await expectAccessible(olena.page);
	for (const [code, title] of [
		['cs', 'Kdo viděl vaše údaje'],
		['en', 'Who has seen your data']
	]) {
		await switchLanguage(olena.page, code);
		await expect(olena.page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectAccessible(olena.page);
	}
	await switchLanguage(olena.page, 'uk');
	await expect(olena.page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
	await olena.ctx.close();
});

test('the admins’ log and a person’s access page are closed to others', async ({ page }) => {
	const anon = await page.goto('/profile/access');
	expect(new URL(page.url()).pathname).toBe('/sign-in');
	expect(anon?.status()).toBe(200);
	await signInWithPassword(page, 'olena@example.org');
	const res = await page.goto('/admin/audit');
	expect(res?.status()).toBe(403);
});
