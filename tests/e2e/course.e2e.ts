import { expect, test } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';

const COURSE = '/courses/recovery-oriented-practice';

for (const locale of ['en', 'cs', 'uk']) {
	test(`course, session and guide pages have no axe violations in ${locale}`, async ({
		browser
	}) => {
		const ctx = await browser.newContext();
		const page = await ctx.newPage();
		await signInWithPassword(page, 'sam@example.org');
		await ctx.addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
		const paths = [
			COURSE,
			...[1, 2, 3, 4].flatMap((n) => [`${COURSE}/sessions/${n}`, `${COURSE}/sessions/${n}/guide`])
		];
		for (const path of paths) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAccessible(page);
		}
		await ctx.close();
	});
}

test('the public course page shows what the organisers describe, without signing in', async ({
	page
}) => {
	await page.goto(COURSE);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Recovery-Oriented Practice');
	for (const h of ['Who it is for', 'Format and capacity', 'The four sessions', 'Literature']) {
		await expect(page.getByRole('heading', { name: h })).toBeVisible();
	}
	await expect(page.getByText('Up to 18 participants per group')).toBeVisible();
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Wilken, J.P. & den Hollander, D. (2024)' })
	).toBeVisible();
	const sessions = page
		.getByRole('list')
		.filter({ has: page.getByRole('link', { name: /CARe/ }) })
		.getByRole('link');
	await expect(sessions).toHaveCount(4);
	await sessions.first().click();
	await expect(page.getByRole('heading', { name: 'What to expect' })).toBeVisible();
	await expect(page.getByText(/You can pass on any activity/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Facilitator guide for this session' })).toHaveCount(
		0
	);
});

test('the facilitator guide is for facilitators, including the peer trainer, and prints as A4', async ({
	browser
}) => {
	const anon = await browser.newContext();
	const a = await anon.newPage();
	await a.goto(`${COURSE}/sessions/1/guide`);
	await expect(a).toHaveURL(/\/sign-in/);
	await anon.close();

	const participant = await browser.newContext();
	const p = await participant.newPage();
	await signInWithPassword(p, 'mira@example.org');
	const r = await p.request.get(`${MAIL_APP}${COURSE}/sessions/1/guide`);
	expect(r.status()).toBe(403);
	await participant.close();

	const peer = await browser.newContext();
	const f = await peer.newPage();
	await signInWithPassword(f, 'sam@example.org');
	await f.goto(`${COURSE}/sessions/1`);
	await f.getByRole('link', { name: 'Facilitator guide for this session' }).click();
	await expect(
		f.getByRole('heading', { name: 'How the two facilitators share this block' }).first()
	).toBeVisible();
	await expect(f.getByText('Total: 180 minutes, breaks included.')).toBeVisible();
	await expect(f.getByText(/Course version \d+ · Original text \(English\)/)).toBeVisible();
	await peer.addCookies([{ name: 'trellis_locale', value: 'uk', url: MAIL_APP }]);
	await f.reload();
	// Authors see that the Ukrainian text is a draft nobody has reviewed yet.
	await expect(f.getByText('Чернетка перекладу, ще не перевірена')).toBeVisible();
	await peer.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	await f.reload();
	const pdf = await f.pdf({ format: 'A4' });
	expect(pdf.length).toBeGreaterThan(10_000);
	await f.emulateMedia({ media: 'print' });
	await expect(f.getByRole('banner')).toBeHidden();
	await peer.close();
});
