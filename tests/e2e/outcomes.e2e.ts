import { createPublicKey, verify } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';
import { createSoonCohort } from './live-fixtures.ts';
import { moveSessionsIntoThePast } from './app-db.ts';

/*
 * Outcomes (#15): certificates issued on completion, their verification and revocation; the
 * feedback pulse; the pre/post evaluation; the reports. Each person has a browser of their own.
 */

const LOCALES = ['en', 'cs', 'uk'] as const;

async function as(browser: Browser, email: string) {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await signInWithPassword(page, email);
	await ctx.addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	return page;
}

async function inLocale(page: Page, locale: string) {
	await page.context().addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
	await page.reload();
}

/** Checks the page in each language, then goes back to English. */
async function accessibleInEveryLanguage(page: Page) {
	for (const l of LOCALES) {
		await inLocale(page, l);
		await expect(page.locator('html')).toHaveAttribute('lang', l);
		await expectAccessible(page);
	}
	await inLocale(page, 'en');
}

async function takePlace(page: Page, joinUrl: string) {
	await page.goto(joinUrl);
	await page.getByRole('button', { name: 'Take a place' }).click();
	await expect(page.getByText('you have a place', { exact: true })).toBeVisible();
	return page.url().replace(/[?#].*$/, '');
}

async function markPresent(page: Page, cohortUrl: string, name: string, sessions: number[]) {
	await page.goto(`${cohortUrl}/manage`);
	for (const n of sessions) {
		await page.getByLabel(`${name}, session ${n}`, { exact: true }).selectOption('present');
	}
	await page.getByRole('button', { name: 'Save attendance' }).click();
	await expect(page.getByText('Attendance saved.')).toBeVisible();
}

test('completion issues a certificate; PDFs, badge and verification page; revocation shows', async ({
	browser
}) => {
	const sam = await as(browser, 'sam@example.org');
	const join = await createSoonCohort(sam, 'Certificate group');
	const cohortUrl = sam.url().replace(/\/manage.*$/, '');
	const olena = await as(browser, 'olena@example.org');
	await takePlace(olena, join);

	// Before completion: no certificate yet, and the page says how to get one.
	await olena.goto(`${cohortUrl}/certificate`);
	await expect(olena.getByText(/issued as soon as you have completed the course/)).toBeVisible();

	await markPresent(sam, cohortUrl, 'Olena', [1, 2, 3]);

	await olena.goto(cohortUrl);
	await olena.getByRole('link', { name: 'Your certificate' }).click();
	await expect(olena.getByRole('heading', { level: 1, name: 'Your certificate' })).toBeVisible();
	await accessibleInEveryLanguage(olena);

	// The name on it is the participant's choice.
	await olena.getByLabel('Name on the certificate').fill('Олена Коваль');
	await olena.getByRole('button', { name: 'Save the name' }).click();
	await expect(olena.getByText('The name is saved.')).toBeVisible();

	for (const lang of ['cs', 'uk']) {
		const res = await olena.request.get(`${cohortUrl}/certificate.pdf?lang=${lang}`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toBe('application/pdf');
		const pdf = await res.body();
		expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
		expect(pdf.length).toBeLessThan(150_000);
	}
	const badLang = await olena.request.get(`${cohortUrl}/certificate.pdf?lang=xx`);
	expect(badLang.status()).toBe(400);

	// The signed badge verifies with Node's own Ed25519 against the published DID document.
	const jwt = await (await olena.request.get(`${cohortUrl}/credential.jwt`)).text();
	const did = await (await olena.request.get('/.well-known/did.json')).json();
	const jwk = did.verificationMethod[0].publicKeyJwk;
	const [h, p, s] = jwt.split('.');
	const key = createPublicKey({ key: jwk, format: 'jwk' });
	expect(verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
	const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
	expect(claims.type).toContain('OpenBadgeCredential');
	expect(claims.issuer.id).toBe(did.id);

	const verifyUrl = claims.id as string;
	const viewer = await (await browser.newContext()).newPage();
	await viewer.goto(verifyUrl);
	await expect(viewer.getByText('This certificate is valid.')).toBeVisible();
	await expect(viewer.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	for (const fact of ['Олена Коваль', 'Recovery-Oriented Practice', 'Dana Novák, Sam Rivera']) {
		await expect(viewer.getByText(fact, { exact: false }).first()).toBeVisible();
	}
	await expect(viewer.getByText(/^\d+ h \d+ min \(3 of 4 sessions\)$/)).toBeVisible();
	await accessibleInEveryLanguage(viewer);

	// A code that does not exist: a localised 404.
	await viewer.context().addCookies([{ name: 'trellis_locale', value: 'cs', url: MAIL_APP }]);
	const missing = await viewer.goto(`/verify/${'A'.repeat(43)}`);
	expect(missing?.status()).toBe(404);
	await expect(viewer.getByText(/Na této adrese žádné osvědčení není/)).toBeVisible();
	await viewer.context().addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);

	// The facilitators' page: revoking needs a reason; a forged id is refused; then revoked.
	await sam.goto(`${cohortUrl}/certificates`);
	await expect(sam.getByRole('cell', { name: /Valid, issued/ })).toBeVisible();
	await accessibleInEveryLanguage(sam);
	const revoke = sam.getByRole('region', { name: 'Revoke a certificate' });
	await revoke.getByRole('button', { name: 'Revoke the certificate' }).click();
	await expect(revoke.getByText('Please fill in this field.')).toBeVisible();
	const forged = await sam.request.post(`${cohortUrl}/certificates?/revoke`, {
		form: { certificateId: crypto.randomUUID(), reason: 'forged' },
		headers: { origin: MAIL_APP, 'x-sveltekit-action': 'true' }
	});
	expect(JSON.parse(await forged.text())).toMatchObject({ type: 'failure', status: 400 });
	await revoke.getByLabel('Reason').fill('Attendance was recorded for the wrong person');
	await revoke.getByRole('button', { name: 'Revoke the certificate' }).click();
	await expect(sam.getByText('The certificate is revoked.')).toBeVisible();
	await expect(sam.getByRole('cell', { name: /Revoked/ })).toBeVisible();

	await viewer.goto(verifyUrl);
	await expect(
		viewer.getByText(/This certificate was revoked on .*It is no longer valid\./)
	).toBeVisible();
	const status = await (await viewer.request.get('/credentials/status')).text();
	const list = JSON.parse(Buffer.from(status.split('.')[1], 'base64url').toString());
	expect(list.credentialSubject.type).toBe('BitstringStatusList');
	await olena.goto(`${cohortUrl}/certificate`);
	await expect(olena.getByText(/Your certificate was revoked on/)).toBeVisible();
});

const utc = (d: Date) => ({
	date: d.toISOString().slice(0, 10),
	time: d.toISOString().slice(11, 16)
});

/** A group (UTC) whose first session starts at `first`; returns its page and join link. */
async function createCohortAt(page: Page, name: string, first: Date) {
	await page.goto('/cohorts/new');
	await page.getByLabel('Name of the group').fill(name);
	await page.getByLabel('Time zone of the group').selectOption('Atlantic/Reykjavik');
	await page.getByLabel('Places').fill('18');
	await page.getByRole('checkbox', { name: /Dana Novák/ }).check();
	for (let n = 1; n <= 4; n++) {
		const at = utc(new Date(first.getTime() + (n - 1) * 7 * 86_400_000));
		const s = page.getByRole('group', { name: `Session ${n}`, exact: true });
		await s.getByLabel('Date').fill(at.date);
		await s.getByLabel('Start time').fill(at.time);
	}
	await page.getByRole('button', { name: 'Create the group' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const join = (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();
	return { url: page.url().replace(/\/manage.*$/, ''), join };
}

/** Posts a form as the browser would without JavaScript; returns status and page text. */
async function post(page: Page, url: string, form: Record<string, string>) {
	const res = await page.request.post(url, {
		form,
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
	return { status: res.status(), text: await res.text() };
}

const AGREE = [
	'Strongly disagree',
	'Disagree',
	'Neither agree nor disagree',
	'Agree',
	'Strongly agree'
];
const USEFUL = [
	'Not useful',
	'A little useful',
	'Fairly useful',
	'Very useful',
	'Extremely useful'
];
const EXPLAIN = /I feel confident explaining what recovery-oriented practice/;
/* Two knowledge questions and their right answers, as a participant sees them. */
const KNOWLEDGE = {
	coreActs: [
		/Which are the four core acts of the CARe approach/,
		'Connecting, understanding, ensuring, strengthening'
	],
	recovery: [
		/In this course, "recovery" means above all/,
		'a personal process of building a hopeful, meaningful life, with or without ongoing symptoms'
	]
} as const;

/** Answers a questionnaire on its page: some knowledge questions right, and how confident. */
async function answerQuestionnaire(
	page: Page,
	cohortUrl: string,
	phase: 'pre' | 'post',
	right: (keyof typeof KNOWLEDGE)[],
	explain: number
) {
	if (page.url() !== `${MAIL_APP}${new URL(cohortUrl).pathname}/evaluation/${phase}`) {
		await page.goto(`${cohortUrl}/evaluation/${phase}`);
	}
	await expectAccessible(page);
	for (const k of right) {
		const [question, answer] = KNOWLEDGE[k];
		await page.getByRole('group', { name: question }).getByLabel(answer).check();
	}
	await page
		.getByRole('group', { name: EXPLAIN })
		.getByLabel(AGREE[explain - 1], { exact: true })
		.check();
	await page.getByRole('button', { name: 'Send my answers' }).click();
	await expect(page.getByText('Thank you. Your answers are in.')).toBeVisible();
}

/** Gives feedback on one session on its page: how useful it was (1–5). */
async function givePulse(page: Page, cohortUrl: string, n: number, useful: number) {
	await page.goto(`${cohortUrl}/sessions/${n}/pulse`);
	await expectAccessible(page);
	await page
		.getByRole('group', { name: 'How useful was this session for you?' })
		.getByLabel(USEFUL[useful - 1], { exact: true })
		.check();
	await page.getByRole('button', { name: 'Send my feedback' }).click();
	await expect(page.getByText('Thank you. Your feedback is in.')).toBeVisible();
}

/** The facilitator's correction form: everyone present at every session. */
async function allPresent(page: Page, cohortUrl: string, names: string[]) {
	await page.goto(`${cohortUrl}/manage`);
	await expectAccessible(page);
	for (const name of names) {
		for (const n of [1, 2, 3, 4]) {
			await page.getByLabel(`${name}, session ${n}`, { exact: true }).selectOption('present');
		}
	}
	await page.getByRole('button', { name: 'Save attendance' }).click();
	await expect(page.getByText('Attendance saved.')).toBeVisible();
}

/** The CSV's rows (section, measure, value) whose section is one of `sections`. */
function csvRows(csv: string, sections: string[]) {
	return csv
		.replace(/^\uFEFF/, '')
		.split('\r\n')
		.filter((line) => sections.some((s) => line.startsWith(`${s},`)));
}

test('a whole course: questionnaires before and after, four sessions, pulses; reports with the paired change, small groups suppressed (CSV too)', async ({
	browser
}) => {
	test.setTimeout(420_000);
	const sam = await as(browser, 'sam@example.org');
	// The groups are made through the form, with dates ahead (the app refuses past ones).
	const first = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 60_000) * 60_000);
	const six = await createCohortAt(sam, 'Outcomes six', first);
	const four = await createCohortAt(sam, 'Outcomes four', first);
	const emails = ['jana', 'olena', 'petr', 'mira', 'taras', 'robin'].map((n) => `${n}@example.org`);
	const names = ['Jana', 'Olena', 'Petr K.', 'Mira', 'Taras', 'Robin (pseudonym)'];
	// Each person has a browser of their own; they sign in and take places side by side.
	const people = await Promise.all(
		emails.map(async (email, i) => {
			const p = await as(browser, email);
			await takePlace(p, six.join);
			if (i < 4) await takePlace(p, four.join);
			return p;
		})
	);
	const [jana, olena] = people;
	const inFour = people.slice(0, 4);

	// Before the course: the questionnaire after it and session 1's feedback are closed.
	let r = await post(jana, `${six.url}/evaluation/post`, { 'c-explain': '4' });
	expect(r.status).toBe(409);
	expect(r.text).toContain('This questionnaire is not open.');
	r = await post(jana, `${six.url}/sessions/1/pulse`, { useful: '4' });
	expect(r.status).toBe(409);

	// Jana finds the questionnaire from the group's page and checks it in every language.
	await jana.goto(six.url);
	await jana.getByRole('link', { name: /Questionnaire before the course/ }).click();
	await expect(
		jana.getByRole('heading', { level: 1, name: 'Questionnaire before the course' })
	).toBeVisible();
	await accessibleInEveryLanguage(jana);

	// Bad input: a value off the scale, 10,000 characters, a forged group.
	const pre = `${six.url}/evaluation/pre`;
	await olena.context().addCookies([{ name: 'trellis_locale', value: 'uk', url: MAIL_APP }]);
	r = await post(olena, pre, { 'c-explain': '6' });
	expect(r.status).toBe(400);
	expect(r.text).toContain('Будь ласка, оберіть один із варіантів');
	r = await post(olena, pre, { 'o-take-away': 'x'.repeat(10_000) });
	expect(r.status).toBe(400);
	await olena.context().addCookies([{ name: 'trellis_locale', value: 'en', url: MAIL_APP }]);
	r = await post(jana, `/cohorts/${crypto.randomUUID()}/evaluation/pre`, { 'c-explain': '2' });
	expect(r.status).toBe(404);

	// Before: everyone in the six knows one answer and disagrees that they could explain it.
	await Promise.all(people.map((p) => answerQuestionnaire(p, six.url, 'pre', ['coreActs'], 2)));
	await Promise.all(inFour.map((p) => answerQuestionnaire(p, four.url, 'pre', ['coreActs'], 3)));
	r = await post(jana, pre, { 'c-explain': '2' });
	expect(r.status).toBe(409);
	expect(r.text).toContain('You have already answered this questionnaire.');

	// Test setup, not a page: the four sessions of both groups are moved into the past, as if
	// the course had run (a page may not set past dates). See tests/e2e/app-db.ts.
	await moveSessionsIntoThePast(new URL(six.url).pathname.split('/')[2]);
	await moveSessionsIntoThePast(new URL(four.url).pathname.split('/')[2]);
	r = await post(people[5], pre, { 'c-explain': '2' });
	expect(r.status).toBe(409);
	expect(r.text).toContain('This questionnaire is not open.');

	// Attendance through the facilitators' correction form.
	await allPresent(sam, six.url, names);
	await allPresent(sam, four.url, names.slice(0, 4));

	// Feedback on session 1, on its page, in every language, with a comment.
	await jana.goto(`${six.url}/sessions/1/pulse`);
	await accessibleInEveryLanguage(jana);
	await jana
		.getByRole('group', { name: 'How useful was this session for you?' })
		.getByLabel('Very useful')
		.check();
	await jana
		.getByRole('group', { name: 'I felt safe enough to share what I wanted to.' })
		.getByLabel('Agree', { exact: true })
		.check();
	await jana.getByLabel('Anything else you want to tell the facilitators?').fill('More breaks');
	await jana.getByRole('button', { name: 'Send my feedback' }).click();
	await expect(jana.getByText('Thank you. Your feedback is in.')).toBeVisible();
	r = await post(jana, `${six.url}/sessions/1/pulse`, { useful: '4' });
	expect(r.status).toBe(409);
	r = await post(olena, `${six.url}/sessions/1/pulse`, { useful: '9' });
	expect(r.status).toBe(400);
	r = await post(olena, `${six.url}/sessions/1/pulse`, { comment: 'y'.repeat(10_000) });
	expect(r.status).toBe(400);

	// Everyone's feedback on every session (how useful: session 1 4·5·5·5·5·5, session 2 all 3,
	// session 3 4·4·4·5·5·5, session 4 all 5), then the questionnaire after the course:
	// both knowledge answers right, confidence 4·4·4·4·5·5.
	const useful = (n: number, i: number) => [i === 0 ? 4 : 5, 3, i < 3 ? 4 : 5, 5][n - 1];
	await Promise.all(
		people.map(async (p, i) => {
			for (const n of [1, 2, 3, 4]) {
				if (!(n === 1 && i === 0)) await givePulse(p, six.url, n, useful(n, i));
			}
			if (i === 0) {
				await p.goto(six.url);
				await p.getByRole('link', { name: /Questionnaire after the course/ }).click();
			}
			await answerQuestionnaire(p, six.url, 'post', ['coreActs', 'recovery'], i < 4 ? 4 : 5);
		})
	);
	await Promise.all(
		inFour.map(async (p) => {
			for (const n of [1, 2, 3, 4]) await givePulse(p, four.url, n, 3);
			await answerQuestionnaire(p, four.url, 'post', ['coreActs', 'recovery'], 4);
		})
	);

	// The facilitators' pulse page of the six.
	await sam.goto(`${six.url}/pulse`);
	await expect(sam.getByText('6 answers.')).toHaveCount(4);
	await expect(sam.getByText('More breaks')).toBeVisible();
	await accessibleInEveryLanguage(sam);

	// The group report of the six: attendance, the pulse per session and the paired change.
	await sam.goto(`${six.url}/report`);
	await expect(
		sam.getByRole('heading', { level: 1, name: 'Group report: Outcomes six' })
	).toBeVisible();
	await expect(sam.getByText('Questionnaires answered: 6 before, 6 after.')).toBeVisible();
	await expect(sam.getByText('Valid: 6, Revoked: 0')).toBeVisible();
	const attendance = sam.getByRole('figure', { name: 'Attendance per session' });
	for (const n of [1, 2, 3, 4]) {
		await expect(attendance.getByRole('row', { name: `Session ${n} 6 / 6 100%` })).toBeVisible();
	}
	const pulseFigure = sam.getByRole('figure', { name: 'How useful each session was' });
	for (const [n, mean] of [
		[1, '4.8'],
		[2, '3'],
		[3, '4.5'],
		[4, '5']
	]) {
		await expect(pulseFigure.getByRole('row', { name: `Session ${n} ${mean} 6` })).toBeVisible();
	}
	const change = sam.getByRole('figure', { name: 'Before and after the course' });
	await expect(change.getByText(/Average agreement \(1 to 5\) of the 6 people/)).toBeVisible();
	await expect(
		change.getByRole('row', { name: 'Knowledge score (correct answers out of 6) 1 2 1' })
	).toBeVisible();
	await expect(
		change.getByRole('row', { name: /^I feel confident explaining .* 2 4\.3 2\.3$/ })
	).toBeVisible();
	// An agreement item nobody answered stays hidden even in a group of six.
	await expect(
		change.getByRole('row', {
			name: /^I feel confident that I could use CARe.*Not enough answers to show\./
		})
	).toBeVisible();
	await accessibleInEveryLanguage(sam);
	await sam.setViewportSize({ width: 375, height: 800 });
	await attendance.screenshot({ path: 'test-results/outcomes-attendance-375.png' });
	await pulseFigure.screenshot({ path: 'test-results/outcomes-pulse-375.png' });
	await change.screenshot({ path: 'test-results/outcomes-change-375.png' });
	await sam.setViewportSize({ width: 1280, height: 800 });

	const sixCsv = await (await sam.request.get(`${six.url}/report.csv`)).text();
	expect(sixCsv).toContain('How useful each session was,Session 1,4.8 | 6');
	expect(sixCsv).toContain('How useful each session was,Session 3,4.5 | 6');
	expect(sixCsv).toContain(
		'Before and after the course,Knowledge score (correct answers out of 6),1 | 2 | 1'
	);
	expect(sixCsv).toMatch(
		/Before and after the course,I feel confident explaining [^,]*,2 \| 4\.3 \| 2\.3/
	);

	// The group of four answered everything too, but nothing drawn from answers is shown:
	// not on the report, not on the pulse page, not in the CSV.
	const NONE = 'Not enough answers to show.';
	await sam.goto(`${four.url}/report`);
	await expect(sam.getByText('Questionnaires answered: 4 before, 4 after.')).toBeVisible();
	const fourPulse = sam.getByRole('figure', { name: 'How useful each session was' });
	for (const n of [1, 2, 3, 4]) {
		await expect(
			fourPulse.getByRole('row', { name: `Session ${n} ${NONE} ${NONE}` })
		).toBeVisible();
		await expect(
			sam
				.getByRole('figure', { name: 'Attendance per session' })
				.getByRole('row', { name: `Session ${n} 4 / 4 100%` })
		).toBeVisible();
	}
	const fourChange = sam.getByRole('figure', { name: 'Before and after the course' });
	await expect(
		fourChange.getByText(/^Not enough answers to show: the change is shown/)
	).toBeVisible();
	await expect(
		fourChange.getByRole('row', {
			name: `Knowledge score (correct answers out of 6) ${NONE} ${NONE} ${NONE}`
		})
	).toBeVisible();
	const fourSessions = sam.getByRole('region', { name: 'Feedback after each session' });
	await expect(fourSessions.getByText(NONE, { exact: true })).toHaveCount(4);
	await accessibleInEveryLanguage(sam);
	const fourCsv = await (await sam.request.get(`${four.url}/report.csv`)).text();
	const answerBased = csvRows(fourCsv, [
		'How useful each session was',
		'Before and after the course'
	]);
	expect(answerBased).toHaveLength(4 + 1);
	for (const row of answerBased) {
		expect(row).toMatch(/,Not enough answers to show\.( \| Not enough answers to show\.)*$/);
	}
	expect(fourCsv).toContain(
		'How useful each session was,Session 1,Not enough answers to show. | Not enough answers to show.'
	);
	await sam.goto(`${four.url}/pulse`);
	await expect(sam.getByText(NONE)).toHaveCount(4);
	await expect(sam.getByText('4 answers.')).toHaveCount(0);
	await accessibleInEveryLanguage(sam);

	// The programme report for admins, filtered, in three languages.
	const admin = await as(browser, 'admin@example.org');
	await admin.goto('/admin/reports');
	await admin.getByLabel('Language of the group').selectOption('en');
	await admin.getByRole('button', { name: 'Show' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Programme report' })).toBeVisible();
	await expect(admin.getByRole('link', { name: 'Outcomes six' })).toBeVisible();
	await accessibleInEveryLanguage(admin);
	const bad = await admin.goto('/admin/reports?from=yesterday');
	expect(bad?.status()).toBe(400);
});

test('evaluation settings: never below 5; a published instrument is used only with permission', async ({
	browser
}) => {
	const admin = await as(browser, 'admin@example.org');
	await admin.goto('/admin/outcomes');
	await expect(admin.getByRole('heading', { level: 1, name: 'Evaluation settings' })).toBeVisible();
	await accessibleInEveryLanguage(admin);
	await admin.getByLabel('Smallest group whose answers are shown').fill('4');
	await admin.getByRole('button', { name: 'Save the settings' }).click();
	await expect(admin.getByText('Please enter a whole number from 5 to 100.')).toBeVisible();
	await admin.getByLabel('The pack (YAML)').fill('slug: [');
	await admin.getByRole('button', { name: 'Load', exact: true }).click();
	await expect(admin.getByText(/This pack could not be read/)).toBeVisible();
	await admin
		.getByLabel('The pack (YAML)')
		.fill(
			[
				'slug: example-scale',
				'name: Example attitudes scale',
				'citation: Made up for a browser test.',
				'licence: Test only.',
				'scoring: Mean of the items.',
				'scale:',
				'  labels:',
				'    en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]',
				'items:',
				'  - { id: a, text: { en: A made-up statement. } }'
			].join('\n')
		);
	await admin.getByRole('button', { name: 'Load', exact: true }).click();
	await expect(admin.getByText(/The pack is loaded/)).toBeVisible();
	const pack = admin.getByRole('article', { name: 'Example attitudes scale' });
	await expect(pack.getByText(/not enabled/)).toBeVisible();
	await pack.getByRole('button', { name: 'Enable' }).click();
	await expect(
		admin.getByText(/Please confirm that your organisation holds permission/)
	).toBeVisible();
	await pack.getByLabel(/I confirm that our organisation holds permission/).check();
	await pack.getByRole('button', { name: 'Enable' }).click();
	await expect(pack.getByText(/enabled since/)).toBeVisible();
	await expectAccessible(admin);
	// Disabled again, so the other tests' questionnaires stay the course's own.
	await pack.getByRole('button', { name: 'Disable' }).click();
	await expect(pack.getByText(/not enabled/)).toBeVisible();
});
