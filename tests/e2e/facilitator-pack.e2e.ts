import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';

/*
 * The facilitator pack (#17 items 5–9) on the demo group's Day 2, which is open from the first
 * start: the projector draws the block's visual in Ukrainian, a participant on a 375 px phone
 * without JavaScript reads Lena's case sheet during a breakout, the run sheet prints to one or
 * two A4 pages, and a Czech handout prints and downloads as PDF. Screenshots and PDFs go to
 * shots/ to be looked at; every new or changed page is checked with axe in en, cs and uk.
 */

const GROUP = 'Demo group: the course in progress';
const SHOTS = 'shots';
const LOCALES = ['en', 'cs', 'uk'] as const;

async function setLocale(ctx: BrowserContext, locale: string) {
	await ctx.addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
}

/** The page in each of the three languages, checked with axe and the HTML validator. */
async function accessibleInEveryLanguage(
	page: Page,
	url: string,
	check?: (l: string) => Promise<void>
) {
	for (const l of LOCALES) {
		await setLocale(page.context(), l);
		await page.goto(url);
		await expect(page.locator('html')).toHaveAttribute('lang', l);
		await check?.(l);
		await expectAccessible(page);
	}
	await setLocale(page.context(), 'en');
}

function pdfToPng(pdf: string, png: string) {
	execFileSync('pdftoppm', ['-r', '70', '-png', pdf, png]);
	return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.use({ actionTimeout: 15_000 });

test('the facilitator pack: visuals, run sheet, case sheets, crisis procedure and handouts', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	await setLocale(page.context(), 'en');

	// An admin fills in the organisation's crisis procedure once.
	await signInWithPassword(page, 'admin@example.org');
	await page.goto('/admin/crisis-procedure');
	await expect(
		page.getByText('Your organisation has not filled in its crisis procedure yet.').first()
	).toBeVisible();
	await page.getByRole('button', { name: 'Save the crisis procedure' }).click();
	await expect(page.getByRole('alert').getByRole('link', { name: /Who to call/ })).toBeVisible();
	await page
		.getByLabel('Who to call')
		.fill('1. Duty coordinator, +420 000 000 001\n2. Emergency: 112');
	await page
		.getByLabel('What to do')
		.fill(
			'One facilitator stays with the person by private message; the other keeps the group going.'
		);
	await page.getByRole('button', { name: 'Save the crisis procedure' }).click();
	await expect(page.getByText('The crisis procedure is saved.')).toBeVisible();
	await accessibleInEveryLanguage(page, '/admin/crisis-procedure');
	await page.context().clearCookies();

	// Sam, a facilitator: the manage page leads to Day 2's run sheet and console.
	await setLocale(page.context(), 'en');
	await signInWithPassword(page, 'sam@example.org');
	await page.getByRole('link', { name: 'Groups', exact: true }).click();
	await page.getByRole('link', { name: GROUP }).click();
	await page.getByRole('link', { name: /^Facilitators' console\s*: Session 2$/ }).click();
	const consoleUrl = page.url();
	const sessionId = /\/live\/([^/]+)\/console/.exec(consoleUrl)![1];
	if (await page.getByRole('button', { name: 'Begin the session' }).isVisible()) {
		await page.getByRole('button', { name: 'Begin the session' }).click();
		await page.waitForLoadState();
	}
	// The console shows the crisis procedure and the run sheet's clock times.
	await page.locator('summary', { hasText: 'Crisis procedure' }).click();
	await expect(page.getByText('Emergency: 112')).toBeVisible();
	await page.locator('summary', { hasText: "Today's agenda" }).click();
	const agenda = page.getByRole('listitem').filter({ hasText: 'Kinds of communities' });
	await expect(agenda).toContainText('· Kinds of communities, connections and resources (15′)');
	// "18:45–19:00" as the console writes it; the run sheet must show the very same.
	const consoleTimes = (await agenda.textContent())!.split('·')[0].trim();
	expect(consoleTimes).toMatch(/\d:\d\d.*–.*\d:\d\d/);

	// Forward to "Kinds of communities…", whose guide says to show a simple ecomap on screen.
	for (let i = 0; i < 8; i++) {
		if (await page.getByRole('heading', { name: /^Now: Kinds of communities/ }).isVisible()) break;
		await page.getByRole('button', { name: 'Next part' }).click();
		await page.waitForLoadState();
	}
	await expect(page.getByRole('heading', { name: /^Now: Kinds of communities/ })).toBeVisible();
	await accessibleInEveryLanguage(page, consoleUrl);

	// The projector draws the example community map in Ukrainian, with its text description.
	await setLocale(page.context(), 'uk');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/live/${sessionId}/projector`);
	const map = page.getByRole('img', {
		name: 'Приклад мапи спільноти (екомапи) для Лени, вигаданої людини'
	});
	await expect(map).toBeVisible();
	// The drawing's words come from the Ukrainian session text (wrapped into lines).
	const words = page.locator('svg[role="img"] text');
	await expect(words.filter({ hasText: /^Лена\s*\(вигадана\)$/ })).toBeVisible();
	await expect(words.filter({ hasText: /^Сестра/ })).toBeVisible();
	await expect(words.filter({ hasText: /^Lena/ })).toHaveCount(0);
	await page.getByText('Текстовий опис').click();
	await expect(
		page
			.locator('figure details p')
			.filter({ hasText: /Справжню екомапу малюють разом із людиною/ })
	).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/projector-visual-uk.png`, fullPage: true });
	await accessibleInEveryLanguage(page, `/live/${sessionId}/projector`, async () => {
		await expect(page.locator('svg[role="img"]')).toBeVisible();
	});

	// Next: Lena's small groups. Sam forms pairs.
	await page.goto(consoleUrl);
	await page.getByRole('button', { name: 'Next part' }).click();
	await page.waitForLoadState();
	await expect(
		page.getByRole('heading', { name: /^Now: Small groups: approaching/ })
	).toBeVisible();
	await page.getByRole('button', { name: 'Form groups and start the timer' }).click();
	await page.waitForLoadState();
	await expect(page.getByRole('button', { name: 'Bring everyone back' })).toBeVisible();

	// Mira on a 375 px phone, without JavaScript, reads the case sheet in her breakout.
	const phone = await browser.newContext({
		viewport: { width: 375, height: 812 },
		javaScriptEnabled: false
	});
	await setLocale(phone, 'en');
	const mira = await phone.newPage();
	await signInWithPassword(mira, 'mira@example.org');
	await mira.goto(`/live/${sessionId}`);
	await expect(mira.getByRole('heading', { name: /^Your breakout group: \d+/ })).toBeVisible();
	const sheet = mira.locator('details.case-sheet');
	await expect(sheet).toHaveAttribute('open', '');
	await expect(sheet.getByText('Lena is a fictional person.')).toBeVisible();
	await sheet.getByText('Which strengths and interests').scrollIntoViewIfNeeded();
	await mira.screenshot({ path: `${SHOTS}/case-sheet-375.png`, fullPage: true });
	await mira
		.locator('section.breakout, details.case-sheet')
		.first()
		.screenshot({ path: `${SHOTS}/case-sheet-375-breakout.png` });
	await sheet.screenshot({ path: `${SHOTS}/case-sheet-375-sheet.png` });
	// Nothing wider than the phone: no sideways scrolling.
	expect(await mira.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	const [own] = await Promise.all([
		phone.waitForEvent('page'),
		mira.getByRole('link', { name: /Open the case sheet on its own page/ }).click()
	]);
	await expect(
		own.getByRole('heading', { level: 1, name: 'Case sheet: Lena (fictional)' })
	).toBeVisible();
	// Participants do not get the facilitators' notes.
	await expect(own.getByText('What a good discussion covers')).toHaveCount(0);
	expect(await own.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await own.screenshot({ path: `${SHOTS}/case-sheet-own-page-375.png`, fullPage: true });
	const caseUrl = new URL(own.url()).pathname;
	await phone.close();
	// axe runs as a script: the same two pages at 375 px in a tab with JavaScript.
	const phoneJs = await browser.newContext({ viewport: { width: 375, height: 812 } });
	await setLocale(phoneJs, 'en');
	const miraJs = await phoneJs.newPage();
	await signInWithPassword(miraJs, 'mira@example.org');
	await accessibleInEveryLanguage(miraJs, `/live/${sessionId}`, async () => {
		await expect(miraJs.locator('details.case-sheet')).toHaveAttribute('open', '');
	});
	await accessibleInEveryLanguage(miraJs, caseUrl);
	await phoneJs.close();
	// Sam reads the same page with the notes.
	await page.goto(caseUrl);
	await expect(page.getByRole('heading', { name: /What a good discussion covers/ })).toBeVisible();

	// The run sheet: the console's clock times, the leads, the crisis procedure; one or two A4 pages.
	await page.goto('/cohorts');
	await page.getByRole('link', { name: GROUP }).click();
	await page.getByRole('link', { name: /^Run sheet\s*: Session 2$/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /^Run sheet — Session 2/ })
	).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: 'Kinds of communities' });
	expect(await row.textContent()).toContain(consoleTimes);
	await expect(row).toContainText('On screen: An example community map');
	await expect(
		page.getByRole('row').filter({ hasText: 'Small groups: approaching' })
	).toContainText('Case sheet: Lena (fictional)');
	await expect(page.getByText('Emergency: 112')).toBeVisible();
	const runSheetUrl = page.url();
	await accessibleInEveryLanguage(page, runSheetUrl);
	await page.goto(runSheetUrl);
	await page.emulateMedia({ media: 'print' });
	writeFileSync(`${SHOTS}/run-sheet.pdf`, await page.pdf({ format: 'A4', printBackground: true }));
	await page.emulateMedia({ media: 'screen' });
	const pages = pdfToPng(`${SHOTS}/run-sheet.pdf`, `${SHOTS}/run-sheet`);
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(2);

	// The guide shows the drawings, the case with its notes, the lists, mixed groups and the procedure.
	await accessibleInEveryLanguage(
		page,
		'/courses/recovery-oriented-practice/sessions/4/guide',
		async (l) => {
			await expect(page.locator('svg[role="img"]')).toHaveCount(3);
			if (l === 'en') {
				await expect(
					page.locator('#case-meet-mira', { hasText: 'Case sheet: Mira (fictional)' })
				).toBeVisible();
				await expect(
					page.getByRole('heading', { name: /Guiding questions for walking/ })
				).toBeVisible();
				await expect(page.getByRole('heading', { name: /^Mixed groups/ })).toBeVisible();
				await expect(page.getByText('Emergency: 112')).toBeVisible();
			}
		}
	);
	await accessibleInEveryLanguage(
		page,
		'/courses/recovery-oriented-practice/sessions/1/guide',
		async (l) => {
			await expect(page.locator('svg[role="img"]')).toHaveCount(2);
			if (l === 'cs') {
				await expect(
					page.getByRole('heading', { name: /Sdílený seznam otázek|Naše otázky/ })
				).toBeVisible();
			}
		}
	);
	await accessibleInEveryLanguage(
		page,
		'/courses/recovery-oriented-practice/sessions/1',
		async (l) => {
			if (l === 'uk') {
				await expect(page.getByRole('img', { name: /CHIME: п’ять процесів/ })).toBeVisible();
			}
		}
	);

	// The other pages that changed: Day 2 (the map and Lena's case) and Day 3 (no drawing).
	for (const n of [2, 3]) {
		await accessibleInEveryLanguage(
			page,
			`/courses/recovery-oriented-practice/sessions/${n}/guide`
		);
		await accessibleInEveryLanguage(page, `/courses/recovery-oriented-practice/sessions/${n}`);
	}

	// A handout in Czech: the printable page and its PDF.
	await accessibleInEveryLanguage(page, '/courses/recovery-oriented-practice/sessions/2/handout');
	await setLocale(page.context(), 'cs');
	await page.goto('/courses/recovery-oriented-practice/sessions/2');
	await page.getByRole('link', { name: 'Podklady (tisk nebo PDF)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Setkání 2: / })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Hlavní myšlenky' })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/handout-cs.png`, fullPage: true });
	const res = await page.request.get('/courses/recovery-oriented-practice/sessions/2/handout.pdf');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('application/pdf');
	expect(res.headers()['content-language']).toBe('cs');
	writeFileSync(`${SHOTS}/handout-cs.pdf`, await res.body());
	expect(pdfToPng(`${SHOTS}/handout-cs.pdf`, `${SHOTS}/handout-cs-pdf`)).toBeGreaterThanOrEqual(1);
	const text = execFileSync('pdftotext', [`${SHOTS}/handout-cs.pdf`, '-'], { encoding: 'utf8' });
	expect(text).toContain('Hlavní myšlenky');
	expect(text).toContain('sounáležitost');
});
