import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import {
	expectAccessible,
	signInWithPassword,
	expectAnswerTaken,
	expectPassTaken
} from './helpers.ts';
import { createSoonCohort, participant } from './live-fixtures.ts';

/*
 * One facilitator and three participants in separate browser contexts run the start of
 * Day 1: check-in, a revealed word cloud, a timer, strengths cards, a Pass, and an
 * "I need a moment" that a facilitator acknowledges; one participant's connection drops and
 * comes back mid-activity.
 */

async function press(console: Page, name: string | RegExp) {
	await console.getByRole('button', { name }).click();
	await console.waitForLoadState();
}

test('a Day 1 segment with one facilitator and three participants', async ({ browser, page }) => {
	test.setTimeout(180_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Live group ${Date.now()}`);
	const a = await participant(browser, 'mira@example.org', joinUrl);
	const b = await participant(browser, 'robin@example.org', joinUrl);
	const c = await participant(browser, 'olena@example.org', joinUrl);
	const live = new URL(a.page.url()).pathname;
	await page.goto(`${live}/console`);
	// Streams connect once each page has loaded its script.
	await expect(async () => {
		await page.reload();
		await expect(page.getByText(/^Connected here now: [34];/)).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await page.getByText('Who is connected here').click();
	for (const name of ['Mira', 'Robin', 'Olena']) {
		await expect(page.getByRole('listitem').filter({ hasText: name })).toBeVisible();
	}
	await expectAccessible(page);
	await press(page, 'Begin the session');

	// Check-in: the form appears for participants without reloading.
	await press(page, 'Start the activity');
	await expect(a.page.getByLabel('Your word')).toBeVisible();
	// Screen readers are told what changed while nobody touched the page.
	// (The announcement region is visually hidden and may repeat a visible status, so it is
	// found by its id.)
	const news = (p: Page, text: string | RegExp) => expect(p.locator('#live-news')).toHaveText(text);
	await news(a.page, 'A new activity has started: One word for how you are arriving today.');
	await expectAccessible(a.page);
	await a.page.getByLabel('Your word').fill('hopeful');
	await a.page.getByRole('button', { name: 'Send' }).click();
	await expectAnswerTaken(a.page);
	await b.page.getByRole('button', { name: 'Pass' }).click();
	await expectPassTaken(b.page);

	// Mira opens the support lines; the panel refreshing around her leaves them open.
	await a.page.getByText('Support if you need it now').click();
	// Olena's connection drops while the facilitator reveals; on return she has caught up,
	// and the word she had started typing is still there (the panel swaps around her form).
	await c.page.getByLabel('Your word').fill('stead');
	await c.ctx.setOffline(true);
	await press(page, 'Show results to the group');
	await expect(a.page.getByText('1 answered, 1 passed')).toBeVisible();
	await news(a.page, "The group's answers are now shown.");
	await expect(
		a.page.locator('details', { has: a.page.getByText('Support if you need it now') })
	).toHaveAttribute('open');
	await c.ctx.setOffline(false);
	await expect(c.page.getByText('1 answered, 1 passed')).toBeVisible({ timeout: 15_000 });
	await expect(c.page.getByRole('listitem').filter({ hasText: 'hopeful' })).toBeVisible();
	await expect(c.page.getByLabel('Your word')).toHaveValue('stead');

	// "I need a moment": only facilitators see who; a facilitator acknowledges.
	await c.page.getByRole('button', { name: 'I need a moment' }).click();
	await expect(
		c.page
			.getByRole('region', { name: 'I need a moment' })
			.getByText('The facilitators have been told. Take your time.')
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Someone needs a moment' })).toBeVisible();
	await expect(a.page.getByText(/needs a moment/)).toHaveCount(0);
	await press(page, /I have seen it/);
	await news(c.page, 'A facilitator has seen your signal.');

	// Word cloud (part 7), revealed, with a shared timer.
	for (let i = 0; i < 6; i++) await press(page, 'Next part');
	await expect(page.getByRole('heading', { name: /Now: Recovery and wellbeing/ })).toBeVisible();
	await news(b.page, /^Now: Recovery and wellbeing/);
	await press(page, 'Start the activity');
	await page.getByLabel('Timer (minutes, 0 to stop)').fill('5');
	await press(page, 'Set the timer');
	await expect(a.page.getByText(/Time left:/)).toBeVisible();
	for (const [p, words] of [
		[a.page, ['connection', 'purpose']],
		[c.page, ['connection']]
	] as const) {
		for (const [i, w] of words.entries()) {
			await p.getByLabel(`Word ${i + 1}`, { exact: true }).fill(w);
		}
		await p.getByRole('button', { name: 'Send' }).click();
	}
	await b.page.getByRole('button', { name: 'Pass' }).click();
	await press(page, 'Show results to the group');
	const cloud = a.page.getByRole('region', { name: 'Activity' });
	await expect(cloud.getByText('2 answered, 1 passed')).toBeVisible();
	await expect(cloud.getByRole('listitem').filter({ hasText: 'connection' })).toContainText('2');
	await expectAccessible(a.page);

	// Strengths cards (part 10).
	for (let i = 0; i < 3; i++) await press(page, 'Next part');
	// Each action answers with a redirect to the console (post/redirect/get), so reloading
	// the console does not send "Next part" again: the cards are still the current part.
	await expect(page).toHaveURL(new RegExp(`${live}/console$`));
	await page.reload();
	await press(page, 'Start the activity');
	const cards = b.page.getByRole('group', { name: /Choose up to/ });
	await cards.getByRole('checkbox').nth(0).check();
	await cards.getByRole('checkbox').nth(1).check();
	await b.page.getByRole('button', { name: 'Send' }).click();
	await expectAnswerTaken(b.page);

	// Breakout pairs with a timer (part 11): three people make one trio, nobody is alone.
	await press(page, 'Next part');
	await page.getByLabel('How to form groups').selectOption('pairs');
	await press(page, 'Form groups and start the timer');
	await expectAccessible(page);
	for (const p of [a.page, b.page, c.page]) {
		await expect(p.getByRole('heading', { name: 'Your breakout group: 1' })).toBeVisible();
		await expect(p.getByText(/Time left:/)).toBeVisible();
	}

	// A facilitator moves Olena to a group of her own; she sees it at once.
	await page.getByLabel('Move', { exact: true }).selectOption({ label: 'Olena' });
	await page.getByLabel('to group').fill('2');
	await press(page, /^Move$/);
	await expect(c.page.getByRole('heading', { name: 'Your breakout group: 2' })).toBeVisible();
	await expect(a.page.getByRole('heading', { name: 'Your breakout group: 1' })).toBeVisible();

	// The projector shows the prompt large, and results only once revealed.
	const projector = await page.context().newPage();
	await projector.goto(`${live}/projector`);
	await expect(projector.getByText('You can always pass.')).toBeVisible();
	await expect(projector.getByText(/answered/)).toHaveCount(0);
	await expectAccessible(projector);
	for (const p of [a, b, c]) await p.ctx.close();
});

test('a facilitator without JavaScript chooses the breakout groups; participants see their own', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Manual groups ${Date.now()}`);
	const mira = await participant(browser, 'mira@example.org', joinUrl);
	const olena = await participant(browser, 'olena@example.org', joinUrl);
	const robin = await participant(browser, 'robin@example.org', joinUrl);
	const taras = await participant(browser, 'taras@example.org', joinUrl, false);
	const live = new URL(mira.page.url()).pathname;
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const desk = await noJs.newPage();
	await signInWithPassword(desk, 'sam@example.org');
	await desk.goto(`${live}/console`);
	// Part 11 is the strengths breakout in pairs.
	await press(desk, 'Begin the session');
	for (let i = 0; i < 10; i++) await press(desk, 'Next part');
	const manual = desk.getByRole('group', { name: 'Choose the groups yourself' });
	await expect(manual).toBeVisible();
	// axe runs as a script, so it checks the same console in Sam's JavaScript tab.
	await page.goto(`${live}/console`);
	await expect(page.getByRole('group', { name: 'Choose the groups yourself' })).toBeVisible();
	await expectAccessible(page);

	// Somebody on their own is refused, and what was chosen stays in the form.
	const choose = async (groups: Record<string, number>) => {
		for (const [name, n] of Object.entries(groups)) {
			await manual.getByLabel(name, { exact: true }).selectOption({ label: `Group ${n}` });
		}
		await press(desk, 'Open these groups');
	};
	await choose({ Mira: 2, Olena: 2, 'Robin (pseudonym)': 3, Taras: 4 });
	await expect(desk.getByRole('alert')).toHaveText(
		'Nobody should be on their own: each group needs at least two people.'
	);
	await expect(manual.getByLabel('Robin (pseudonym)', { exact: true })).toHaveValue('3');
	await expect(mira.page.getByRole('heading', { name: /Your breakout group/ })).toHaveCount(0);

	// Groups 2 and 4 open as groups 1 and 2.
	await choose({ 'Robin (pseudonym)': 4 });
	for (const [p, n, names] of [
		[mira.page, 1, 'Mira, Olena'],
		[olena.page, 1, 'Mira, Olena'],
		[robin.page, 2, 'Robin (pseudonym), Taras']
	] as const) {
		await expect(p.getByRole('heading', { name: `Your breakout group: ${n}` })).toBeVisible();
		await expect(p.getByText(`With: ${names}`)).toBeVisible();
		await expect(p.getByText(/Time left:/)).toBeVisible();
	}
	await taras.page.reload();
	await expect(taras.page.getByRole('heading', { name: 'Your breakout group: 2' })).toBeVisible();
	await expect(taras.page.getByText('With: Robin (pseudonym), Taras')).toBeVisible();

	// The running groups fill the form, so it also re-arranges them.
	await expect(manual.getByLabel('Mira', { exact: true })).toHaveValue('1');
	await expect(manual.getByLabel('Taras', { exact: true })).toHaveValue('2');
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Breakout groups' })).toBeVisible();
	await expectAccessible(page);
	await choose({ Olena: 2, Taras: 1 });
	await expect(olena.page.getByRole('heading', { name: 'Your breakout group: 2' })).toBeVisible();
	await expect(mira.page.getByText('With: Mira, Taras')).toBeVisible();

	// A forged post that lists a person twice is refused and changes nothing.
	const names = await manual
		.locator('select[name^="place:"]')
		.evaluateAll((xs) => xs.map((x) => (x as HTMLSelectElement).name));
	const form = new URLSearchParams({ action: 'manual-breakout' });
	for (const name of [...names, names[0]]) form.append(name, '1');
	const forged = await desk.request.post(`${MAIL_APP}${live}/console`, {
		data: form.toString(),
		headers: {
			origin: MAIL_APP,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		maxRedirects: 0
	});
	expect(forged.status()).toBe(400);
	await expect(olena.page.getByRole('heading', { name: 'Your breakout group: 2' })).toBeVisible();
	for (const p of [mira, olena, robin, taras]) await p.ctx.close();
	await noJs.close();
});

test('without JavaScript a participant answers by form post; a repeated post is stored once', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `No-JS group ${Date.now()}`);
	const p = await participant(browser, 'taras@example.org', joinUrl, false);
	const live = new URL(p.page.url()).pathname;
	await page.goto(`${live}/console`);
	await press(page, 'Begin the session');
	await press(page, 'Start the activity');
	await p.page.reload();
	const form = p.page.locator('form.answer');
	const clientId = await form.locator('input[name=clientId]').inputValue();
	await p.page.getByLabel('Your word').fill('steady');
	await p.page.getByRole('button', { name: 'Send' }).click();
	await expectAnswerTaken(p.page);
	// The browser resends the same form (back button, flaky network): nothing new is stored.
	const again = await p.page.request.post(`${MAIL_APP}${live}?/answer`, {
		form: { clientId, blockId: 'welcome', word: 'steady' },
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);
	await press(page, 'Show results to the group');
	await expect(page.getByText('1 answered, 0 passed')).toBeVisible();
	// Bad input: oversized, unknown activity, forged facilitator action, another cohort.
	const post = (path: string, form: Record<string, string>) =>
		p.page.request.post(`${MAIL_APP}${path}`, {
			form,
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		});
	expect(
		(
			await post(`${live}?/answer`, {
				clientId: crypto.randomUUID(),
				blockId: 'welcome',
				word: 'x'.repeat(5000)
			})
		).status()
	).toBe(400);
	expect(
		(
			await post(`${live}?/answer`, { clientId: crypto.randomUUID(), blockId: 'nope', word: 'hi' })
		).status()
	).toBe(409);
	expect(
		(
			await post(`${live}?/answer`, { clientId: 'not-a-uuid', blockId: 'welcome', word: 'hi' })
		).status()
	).toBe(400);
	expect((await post(`${live}/console`, { action: 'next' })).status()).toBe(403);
	expect(
		(await p.page.request.get(`${MAIL_APP}/live/00000000-0000-4000-8000-000000000000`)).status()
	).toBe(404);
	await page.reload();
	await expect(page.getByText('1 answered, 0 passed')).toBeVisible();
	// The session record: what the group saw together, for participants to revisit and
	// facilitators to export; never who wrote what.
	await p.page.goto(`${live}/record`);
	await expect(
		p.page.getByRole('heading', { level: 1, name: 'What we shared in session 1' })
	).toBeVisible();
	await expect(p.page.getByRole('listitem').filter({ hasText: 'steady' })).toBeVisible();
	expect((await p.page.request.get(`${MAIL_APP}${live}/record.json`)).status()).toBe(403);
	const exported = await (await page.request.get(`${MAIL_APP}${live}/record.json`)).json();
	expect(JSON.stringify(exported)).toContain('steady');
	expect(JSON.stringify(exported)).not.toMatch(/taras/i);
	await p.ctx.close();
});

test('the three live views have no axe violations in Czech and Ukrainian, on a phone too', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Axe group ${Date.now()}`);
	const p = await participant(browser, 'mira@example.org', joinUrl);
	const live = new URL(p.page.url()).pathname;
	await page.goto(`${live}/console`);
	await press(page, 'Begin the session');
	await press(page, 'Start the activity');
	await p.page.getByLabel('Your word').fill('calm');
	await p.page.getByRole('button', { name: 'Send' }).click();
	await press(page, 'Show results to the group');
	await page.getByLabel('Timer (minutes, 0 to stop)').fill('3');
	await press(page, 'Set the timer');
	for (const locale of ['cs', 'uk']) {
		for (const [ctxPage, path] of [
			[p.page, live],
			[page, `${live}/console`],
			[page, `${live}/projector`]
		] as const) {
			await ctxPage
				.context()
				.addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
			for (const size of [
				{ width: 375, height: 740 },
				{ width: 1280, height: 800 }
			]) {
				await ctxPage.setViewportSize(size);
				await ctxPage.goto(path);
				await expect(ctxPage.locator('html')).toHaveAttribute('lang', locale);
				await expectAccessible(ctxPage);
			}
		}
	}
	await p.ctx.close();
});

test('the console and the projector load one small script and no framework, within the 35 KB budget', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Weight group ${Date.now()}`);
	const p = await participant(browser, 'mira@example.org', joinUrl);
	const live = new URL(p.page.url()).pathname;
	const signedIn = await page.context().storageState();
	for (const path of [`${live}/console`, `${live}/projector`]) {
		// A first visit: a fresh browser profile, nothing cached.
		const ctx = await browser.newContext({ storageState: signedIn });
		const first = await ctx.newPage();
		const scripts: { url: string; bytes: Promise<number> }[] = [];
		first.on('response', (r) => {
			if (r.request().resourceType() !== 'script') return;
			scripts.push({
				url: r.url(),
				bytes: r
					.request()
					.sizes()
					.then((s) => s.responseBodySize)
			});
		});
		// The page is live once its script follows the event stream.
		const following = first.waitForRequest((r) => r.url().includes(`${live}/events`));
		await first.goto(path);
		await following;
		const sizes = await Promise.all(scripts.map((s) => s.bytes));
		const total = sizes.reduce((a, b) => a + b, 0);
		expect(
			scripts.map((s) => new URL(s.url).pathname),
			`${path} loads the framework's client runtime`
		).not.toContainEqual(expect.stringContaining('/_app/immutable/entry/'));
		expect(total, `${path}: compressed JavaScript, budget 35 KB`).toBeLessThan(35 * 1024);
		await ctx.close();
	}
	await p.ctx.close();
});
