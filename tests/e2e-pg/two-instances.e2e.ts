import { expect, test, type Page } from '@playwright/test';
import { INSTANCE_A, INSTANCE_B } from '../../playwright.pg.config.ts';
import { expectAccessible, expectPassTaken, SIGN_OUT } from '../e2e/helpers.ts';

/*
 * A facilitator on instance A runs the check-in; three participants follow on instance B.
 * Events written by A reach B's event streams through PostgreSQL NOTIFY, and answers stored
 * through B show up in A's results.
 */
async function signIn(page: Page, origin: string, email: string) {
	await page.goto(`${origin}/sign-in`);
	const form = page.getByRole('region', { name: 'With your password' });
	await form.getByLabel('Email address').fill(email);
	await form.getByLabel('Password', { exact: true }).fill('recovery-demo-2026');
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
}

test('facilitator on instance A, participants on instance B', async ({ browser, page }) => {
	test.setTimeout(180_000);
	await signIn(page, INSTANCE_A, 'sam@example.org');
	await page.goto(`${INSTANCE_A}/cohorts/new`);
	await page.getByLabel('Name of the group').fill(`Two instances ${Date.now()}`);
	await page.getByLabel('Time zone of the group').selectOption('Atlantic/Reykjavik');
	await page.getByRole('checkbox', { name: /Dana Novák/ }).check();
	const first = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
	for (let n = 1; n <= 4; n++) {
		const at = new Date(first.getTime() + (n - 1) * 7 * 86_400_000).toISOString();
		const s = page.getByRole('group', { name: `Session ${n}`, exact: true });
		await s.getByLabel('Date').fill(at.slice(0, 10));
		await s.getByLabel('Start time').fill(at.slice(11, 16));
	}
	await page.getByRole('button', { name: 'Create the group' }).click();
	const join = (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();
	const joinOnB = join.replace(INSTANCE_A, INSTANCE_B);
	const group = new URL(page.url()).pathname.replace(/\/manage$/, '');

	const participants = [];
	for (const email of ['mira@example.org', 'robin@example.org', 'taras@example.org']) {
		const ctx = await browser.newContext();
		const p = await ctx.newPage();
		await signIn(p, INSTANCE_B, email);
		await ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: INSTANCE_B }]);
		await p.goto(joinOnB);
		await p.getByRole('button', { name: 'Take a place' }).click();
		await p
			.getByRole('link', { name: /Join the session/ })
			.first()
			.click();
		await expect(p.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
		participants.push({ ctx, p });
	}
	const live = new URL(participants[0].p.url()).pathname;
	await page.goto(`${INSTANCE_A}${live}/console`);
	// The participants' streams are on B; A's console lists them all the same.
	await expect(async () => {
		await page.reload();
		await expect(page.getByText(/^Connected here now: 3;/)).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await page.getByText('Who is connected here').click();
	for (const name of ['Mira', 'Robin (pseudonym)', 'Taras']) {
		await expect(page.getByRole('listitem').filter({ hasText: name })).toBeVisible();
	}
	await page.getByRole('button', { name: 'Begin the session' }).click();
	await expect(page.getByText(/The session began at/)).toBeVisible();
	await page.getByRole('button', { name: 'Start the activity' }).click();
	// The form appears on B without a reload: A's event crossed instances.
	for (const { p } of participants) {
		await expect(p.getByLabel('Your word')).toBeVisible({ timeout: 10_000 });
	}
	await participants[0].p.getByLabel('Your word').fill('together');
	await participants[0].p.getByRole('button', { name: 'Send' }).click();
	await participants[1].p.getByRole('button', { name: 'Pass' }).click();
	await expectPassTaken(participants[1].p);
	await page.getByRole('button', { name: 'Show results to the group' }).click();
	for (const { p } of participants) {
		await expect(p.getByText('1 answered, 1 passed')).toBeVisible({ timeout: 10_000 });
	}
	// "I need a moment" from B reaches the console on A.
	await participants[2].p.getByRole('button', { name: 'I need a moment' }).click();
	await expect(page.getByRole('heading', { name: 'Someone needs a moment' })).toBeVisible({
		timeout: 10_000
	});
	await page.getByRole('button', { name: /I have seen it/ }).click();
	await expect(
		participants[2].p
			.getByRole('region', { name: 'I need a moment' })
			.getByText('A facilitator has seen your signal.')
	).toBeVisible({
		timeout: 10_000
	});
	await expectAccessible(participants[2].p);

	// Taras's event stream is open on B; he gives his place back on A. The stream on B ends
	// at once: the change of place crosses instances through PostgreSQL NOTIFY.
	const taras = participants[2];
	const cookie = (await taras.ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const res = await fetch(`${INSTANCE_B}${live}/events`, {
		headers: { cookie, accept: 'text/event-stream' }
	});
	expect(res.status).toBe(200);
	const reader = res.body!.getReader();
	expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry:');
	await taras.p.goto(`${INSTANCE_A}${group}`);
	await taras.p.getByText('Give my place back…').click();
	await taras.p.getByRole('button', { name: 'Yes, leave the group' }).click();
	await expect(taras.p).toHaveURL(/\/cohorts\?left=1/);
	const ended = await Promise.race([
		(async () => {
			for (;;) if ((await reader.read()).done) return true;
		})(),
		new Promise((r) => setTimeout(() => r(false), 5_000))
	]);
	expect(ended).toBe(true);
	// And it does not come back: the live page on B is closed to him now.
	const again = await fetch(`${INSTANCE_B}${live}/events`, {
		headers: { cookie, accept: 'text/event-stream' },
		redirect: 'manual'
	});
	expect(again.status).toBe(404);
	for (const { ctx } of participants) await ctx.close();
});
