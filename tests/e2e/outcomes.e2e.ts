import { createPublicKey, verify } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { expectAccessible, signInWithPassword } from './helpers.ts';
import { createSoonCohort } from './live-fixtures.ts';

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
