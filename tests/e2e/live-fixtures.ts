import {
	expect,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { signInWithPassword } from './helpers.ts';

/* Shared by the live-room browser tests: a group whose first session starts in ten minutes. */

const utc = (d: Date) => ({
	date: d.toISOString().slice(0, 10),
	time: d.toISOString().slice(11, 16)
});

/** Creates the group as the signed-in facilitator and returns its join link. */
export async function createSoonCohort(
	page: Page,
	name: string,
	opts: { session1?: (fieldset: Locator) => Promise<void> } = {}
) {
	await page.goto('/cohorts/new');
	await page.getByLabel('Name of the group').fill(name);
	await page.getByLabel('Time zone of the group').selectOption('Atlantic/Reykjavik');
	await page.getByLabel('Places').fill('18');
	await page.getByRole('checkbox', { name: /Dana Novák/ }).check();
	const first = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
	for (let n = 1; n <= 4; n++) {
		const at = utc(new Date(first.getTime() + (n - 1) * 7 * 86_400_000));
		const s = page.getByRole('group', { name: `Session ${n}`, exact: true });
		await s.getByLabel('Date').fill(at.date);
		await s.getByLabel('Start time').fill(at.time);
	}
	await opts.session1?.(page.getByRole('group', { name: 'Session 1', exact: true }));
	await page.getByRole('button', { name: 'Create the group' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();
}

/** A participant in a browser context of their own, in the live room of session 1. */
export async function participant(
	browser: Browser,
	email: string,
	joinUrl: string,
	js = true,
	setup?: (ctx: BrowserContext) => Promise<unknown>
) {
	const ctx = await browser.newContext({ javaScriptEnabled: js });
	await setup?.(ctx);
	const page = await ctx.newPage();
	await signInWithPassword(page, email);
	await ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	await page.goto(joinUrl);
	await page.getByRole('button', { name: 'Take a place' }).click();
	await page
		.getByRole('link', { name: /Join the session/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
	return { ctx, page };
}
