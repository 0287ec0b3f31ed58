import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, SIGN_OUT, signInWithPassword } from './helpers.ts';

const LOCALES = [
	{ code: 'en', home: 'Welcome to Trellis', change: 'Change language' },
	{ code: 'cs', home: 'Vítejte v aplikaci Trellis', change: 'Změnit jazyk' },
	{ code: 'uk', home: 'Ласкаво просимо до Trellis', change: 'Змінити мову' }
];

async function switchLanguage(page: Page, code: string, button: RegExp) {
	await page.getByRole('combobox', { name: /Language|Jazyk|Мова/ }).selectOption(code);
	await page.getByRole('button', { name: button }).click();
}

test('the language switcher changes the interface and <html lang>, with JavaScript', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await switchLanguage(page, 'uk', /Change language/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ласкаво просимо до Trellis');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await switchLanguage(page, 'cs', /Змінити мову/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vítejte v aplikaci Trellis');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the language switcher still works as a plain form', async ({ page }) => {
		await page.goto('/sign-in');
		await switchLanguage(page, 'cs', /Change language/);
		await expect(page).toHaveURL(/\/sign-in$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení');
	});
	test('signing in with a password works', async ({ page }) => {
		await signInWithPassword(page, 'robin@example.org');
	});
});

test('the first visit follows the browser language', async ({ browser }) => {
	const ctx = await browser.newContext({ locale: 'uk-UA' });
	const page = await ctx.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await ctx.close();
});

for (const l of LOCALES) {
	test(`every page has no axe violations in ${l.code}`, async ({ browser }) => {
		// Seventeen pages, each checked by axe and the markup validator: more than a minute on a
		// shared machine.
		test.setTimeout(180_000);
		const ctx = await browser.newContext();
		await ctx.addCookies([{ name: 'trellis_locale', value: l.code, url: MAIL_APP }]);
		const page = await ctx.newPage();
		const publicPages = [
			'/',
			'/sign-in',
			'/sign-in/check-email?email=a%40example.org',
			'/forgot-password',
			'/sign-in/second-factor',
			'/reset-password?token=x',
			'/invitations/not-a-token',
			'/no-such-page'
		];
		for (const path of publicPages) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', l.code);
			await expectAccessible(page);
		}
		// Signed in as the admin; the profile language is set to this locale first.
		await page.goto('/sign-in');
		await page.locator('#pw-email').fill('admin@example.org');
		await page.locator('#field-password').fill('recovery-demo-2026');
		await page.locator('form[action="?/password"] button[type=submit]').click();
		await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
		await page.goto('/profile');
		await page.locator('#field-locale').selectOption(l.code);
		await page.locator('main form >> nth=0 >> button[type=submit]').click();
		await expect(page.locator('html')).toHaveAttribute('lang', l.code);
		for (const path of [
			'/',
			'/profile',
			'/profile/security',
			'/profile/sessions',
			'/admin',
			'/admin/people',
			'/admin/outbox'
		]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', l.code);
			await expectAccessible(page);
		}
		// On a phone the people table scrolls sideways; keyboard users can reach and scroll it.
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto('/admin/people');
		const members = page.getByRole('region').filter({ has: page.getByRole('table') });
		await expect(members.last()).toHaveAttribute('tabindex', '0');
		await expectAccessible(page);
		await page.setViewportSize({ width: 1280, height: 720 });
		// A form with errors is accessible too.
		await page.goto('/profile');
		await page.locator('#field-name').fill('');
		await page.locator('main form >> nth=0 >> button[type=submit]').click();
		await expect(page.locator('#field-name-error')).toBeVisible();
		await expectAccessible(page);
		await ctx.close();
	});
}
