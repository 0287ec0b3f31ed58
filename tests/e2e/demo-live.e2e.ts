import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';

/*
 * The demo shows the course running: straight after the first start, with nothing created by
 * hand, a facilitator and a participant in two browsers reach Day 2 of the demo group and run
 * its check-in; the participant can read what the group shared on Day 1.
 */

const GROUP = 'Demo group: the course in progress';

async function openGroup(page: Page) {
	await page.getByRole('link', { name: 'Groups', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Course groups' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: GROUP }).click();
}

test('a facilitator and a participant run an activity in the demo group’s Day 2', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);

	// Mira, a participant: Day 1 is over and has its record, Day 2 can be joined now.
	const ctx = await browser.newContext();
	await ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	const mira = await ctx.newPage();
	await signInWithPassword(mira, 'mira@example.org');
	await openGroup(mira);
	await expect(mira.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
	const day1 = mira
		.getByRole('listitem')
		.filter({ has: mira.getByRole('heading', { name: /^Session 1/ }) });
	const day2 = mira
		.getByRole('listitem')
		.filter({ has: mira.getByRole('heading', { name: /^Session 2/ }) });
	const day3 = mira
		.getByRole('listitem')
		.filter({ has: mira.getByRole('heading', { name: /^Session 3/ }) });
	await expect(
		day3.getByText('The join button appears here 15 minutes before the start.')
	).toBeVisible();
	await expectAccessible(mira);
	await day1.getByRole('link', { name: /What we shared/ }).click();
	await expect(
		mira.getByRole('heading', { level: 1, name: 'What we shared in session 1' })
	).toBeVisible();
	const checkIn = mira.getByRole('region', { name: 'Welcome and check-in' });
	await expect(checkIn.getByText('3 answered, 1 passed')).toBeVisible();
	await expect(checkIn.getByRole('listitem').filter({ hasText: 'curious' })).toBeVisible();
	await expect(
		mira.getByRole('listitem').filter({ hasText: 'rarely a straight line' })
	).toBeVisible();
	await expectAccessible(mira);
	await mira.getByRole('link', { name: GROUP }).click();
	await day2.getByRole('link', { name: /Join the session/ }).click();
	await expect(mira.getByRole('heading', { level: 1, name: /^Session 2: / })).toBeVisible();
	await expectAccessible(mira);

	// Sam, a facilitator, goes from the group to Day 2's room and on to the console.
	await signInWithPassword(page, 'sam@example.org');
	await openGroup(page);
	await expectAccessible(page);
	await page.getByRole('link', { name: "See the participants' schedule page" }).click();
	await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /^Session 2/ }) })
		.getByRole('link', { name: /Join the session/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /^Session 2: / })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: "Facilitators' console" }).click();
	// Not begun yet: the console's first step is to begin, at the first part.
	await expect(page.getByRole('heading', { name: 'First step: begin the session' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'First part: Welcome back and check-in' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Begin the session' }).click();
	await page.waitForLoadState();
	await expect(page.getByText(/The session began at/)).toBeVisible();
	await expect(
		page.getByRole('heading', { name: /^Now: Welcome back and check-in/ })
	).toBeVisible();
	// The check-in, answered and revealed, reaches Mira without a reload.
	await page.getByRole('button', { name: 'Start the activity' }).click();
	await page.waitForLoadState();
	const scale = mira.getByRole('group', { name: 'How are you right now, from 1 to 5?' });
	await expect(scale).toBeVisible();
	await scale.getByLabel('4', { exact: true }).check();
	await mira.getByRole('button', { name: 'Send' }).click();
	// The thanks may already have given way to the refreshed panel ("You have answered.").
	await expect(
		mira.getByText(/^(Thank you, your answer is in\.|You have answered\.)$/).first()
	).toBeVisible();
	await expect(page.getByText(/^1 answered, 0 passed/)).toBeVisible({ timeout: 15_000 });
	await page.getByRole('button', { name: 'Show results to the group' }).click();
	await page.waitForLoadState();
	await expect(mira.getByText('1 answered, 0 passed')).toBeVisible();
	await expect(mira.locator('#live-news')).toHaveText("The group's answers are now shown.");
	await expectAccessible(mira);

	// The projector shows the same results, large.
	await page.getByRole('link', { name: 'Projector view' }).click();
	await expect(page.getByText('1 answered, 0 passed')).toBeVisible();
	await expectAccessible(page);
	await ctx.close();
});
