import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, expectAnswerTaken, signInWithPassword } from './helpers.ts';
import { createSoonCohort, participant } from './live-fixtures.ts';

/*
 * ADR 025: after a facilitator's action the participant's page changes from the panel the
 * event stream carries, in the participant's own language, without fetching the page again;
 * what is the person's own (their answer) stays theirs.
 */

async function press(console: Page, name: string | RegExp) {
	await console.getByRole('button', { name }).click();
	await console.waitForLoadState();
}

/**
 * Counts the page fetches the room's script makes on news; its own posts, and the page their
 * redirect leads to, are not counted.
 */
function countPageFetches(page: Page) {
	const path = new URL(page.url()).pathname;
	const seen = { n: 0 };
	page.on('request', (r) => {
		const u = new URL(r.url());
		const news = r.method() === 'GET' && r.resourceType() === 'fetch' && !r.redirectedFrom();
		if (news && u.pathname === path) seen.n++;
	});
	return seen;
}

test('news arrives as a panel on the stream, in each person’s language, with no page fetched', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Panel group ${Date.now()}`);
	const en = await participant(browser, 'mira@example.org', joinUrl);
	const cs = await participant(browser, 'robin@example.org', joinUrl);
	await cs.ctx.addCookies([{ name: 'trellis_locale', value: 'cs', url: MAIL_APP }]);
	await cs.page.reload();
	await expect(cs.page.getByRole('heading', { level: 1, name: /Setkání 1/ })).toBeVisible();
	const live = new URL(en.page.url()).pathname;
	await page.goto(`${live}/console`);
	await expect(async () => {
		await page.reload();
		await expect(page.getByText(/^Connected here now: 2;/)).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	const enFetches = countPageFetches(en.page);
	const csFetches = countPageFetches(cs.page);

	await press(page, 'Begin the session');
	await press(page, 'Next part');
	await expect(en.page.getByRole('heading', { level: 2, name: 'Our agreements' })).toBeVisible();
	await expect(cs.page.getByRole('heading', { level: 2, name: 'Naše dohody' })).toBeVisible();
	await expect(en.page.locator('#live-news')).toHaveText('Now: Our agreements');
	await expectAccessible(cs.page);

	// Back to the check-in: the form arrives with the panel and is answered by this person.
	await press(page, 'Back');
	await press(page, 'Start the activity');
	await en.page.getByLabel('Your word').fill('hopeful');
	await en.page.getByRole('button', { name: 'Send' }).click();
	await expectAnswerTaken(en.page);
	await press(page, 'Show results to the group');
	await expect(en.page.getByRole('listitem').filter({ hasText: 'hopeful' })).toBeVisible();
	await expect(cs.page.getByRole('listitem').filter({ hasText: 'hopeful' })).toBeVisible();
	// The shared panel came without anyone's answer state: Mira's stays hers, Robin's form stays.
	await expect(en.page.getByLabel('Your word')).toHaveCount(0);
	await expect(en.page.getByText('You have answered.')).toBeVisible();
	await expect(cs.page.getByRole('button', { name: 'Odeslat' })).toBeVisible();
	await expectAccessible(en.page);
	expect(enFetches.n).toBe(0);
	expect(csFetches.n).toBe(0);
	for (const p of [en, cs]) await p.ctx.close();
});
