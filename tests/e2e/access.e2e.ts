import { expect, test } from '@playwright/test';
import { OUTBOX_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';
import { createSoonCohort } from './live-fixtures.ts';

/*
 * Access ends with its reason (issue 12, items 1 and 2), through HTTP on the outbox instance
 * (its own database, so the demo people of the other tests keep their roles): a participant
 * whose only role an admin removes loses her open live stream at once, and then sees only
 * her profile.
 */
test('removing a participant’s last role ends her open live stream and every page but her profile', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const facilitator = await (await browser.newContext({ baseURL: OUTBOX_APP })).newPage();
	await signInWithPassword(facilitator, 'sam@example.org');
	const joinUrl = await createSoonCohort(facilitator, `Access group ${Date.now()}`);

	const robinCtx = await browser.newContext({ baseURL: OUTBOX_APP });
	const robin = await robinCtx.newPage();
	await signInWithPassword(robin, 'robin@example.org');
	await robin.goto(joinUrl);
	await robin.getByRole('button', { name: 'Take a place' }).click();
	const cohortPage = robin.url();
	await robin
		.getByRole('link', { name: /Join the session/ })
		.first()
		.click();
	await expect(robin.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
	const live = new URL(robin.url()).pathname;

	// Her event stream, read as a browser would.
	const cookie = (await robinCtx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const res = await fetch(`${OUTBOX_APP}${live}/events`, {
		headers: { cookie, accept: 'text/event-stream' }
	});
	expect(res.status).toBe(200);
	const reader = res.body!.getReader();
	expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry:');

	const admin = await (await browser.newContext({ baseURL: OUTBOX_APP })).newPage();
	await signInWithPassword(admin, 'admin@example.org');
	await admin.goto('/admin/people');
	await admin
		.getByRole('button', { name: 'Remove the role Participant from Robin (pseudonym)' })
		.click();
	await expect(admin.getByRole('cell', { name: 'robin@example.org' })).toHaveCount(0);

	// The stream ends at once (its reconnect is refused), not at the end of the session.
	const ended = await Promise.race([
		(async () => {
			for (;;) if ((await reader.read()).done) return true;
		})(),
		new Promise((r) => setTimeout(() => r(false), 5_000))
	]);
	expect(ended).toBe(true);
	const again = await fetch(`${OUTBOX_APP}${live}/events`, {
		headers: { cookie, accept: 'text/event-stream' },
		redirect: 'manual'
	});
	expect(again.status).toBe(303);
	expect(again.headers.get('location')).toBe('/profile');

	// Cohort and live pages now lead to her profile, which she still has.
	for (const url of [cohortPage, `${OUTBOX_APP}${live}`, `${OUTBOX_APP}/`]) {
		await robin.goto(url);
		await expect(robin).toHaveURL(`${OUTBOX_APP}/profile`);
	}
	await expect(robin.getByLabel('Display name')).toHaveValue('Robin (pseudonym)');
	await expectAccessible(robin);
});
