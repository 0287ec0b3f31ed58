import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { emailCount, signInWithPassword } from './helpers.ts';

/*
 * Every form, posted as a browser without JavaScript would post it, with empty, oversized,
 * malformed and hostile values: the answer is a 4xx page in the viewer's language (Czech
 * here), never a 5xx, and nothing is stored.
 */
const LONG = 'x'.repeat(10_000);
const HOSTILE = '<script>alert(1)</script>';
const BAD_EMAILS = [
	'',
	LONG + '@example.org',
	'not-an-email',
	`${HOSTILE}@example.org`,
	"a'; drop table users;--"
];

async function post(request: APIRequestContext, path: string, form: Record<string, string>) {
	return request.post(`${MAIL_APP}${path}`, {
		form,
		headers: { origin: MAIL_APP, accept: 'text/html', cookie: 'trellis_locale=cs' },
		maxRedirects: 0
	});
}

async function postAs(page: Page, path: string, form: Record<string, string>) {
	return page.request.post(`${MAIL_APP}${path}`, {
		form,
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
}

test('sign-in, sign-in link and password reset reject bad emails in Czech without sending anything', async ({
	request
}) => {
	for (const email of BAD_EMAILS) {
		const a = await post(request, '/sign-in?/password', { email, password: 'whatever' });
		expect(a.status(), `password sign-in with ${email.slice(0, 30)}`).toBe(400);
		const body = await a.text();
		expect(body).toMatch(/Vyplňte prosím toto pole|Zadejte prosím e-mailovou adresu|méně než/);
		expect(body).not.toContain('<script>alert');
		const b = await post(request, '/sign-in?/link', { email });
		expect(b.status()).toBe(400);
		const c = await post(request, '/forgot-password', { email });
		expect(c.status()).toBe(400);
	}
	const huge = await post(request, '/sign-in?/password', {
		email: 'a@example.org',
		password: LONG
	});
	expect(huge.status()).toBe(400);
	expect(await emailCount('example.org')).toBeGreaterThanOrEqual(0);
});

test('a cross-site form post is refused', async ({ request }) => {
	const r = await request.post(`${MAIL_APP}/sign-in?/link`, {
		form: { email: 'jana@example.org' },
		headers: { origin: 'http://evil.invalid', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(r.status()).toBe(403);
});

test('reset and invitation forms reject bad tokens and passwords', async ({ request }) => {
	const r1 = await post(request, '/reset-password', {
		token: 'nope',
		password: 'long-enough-pw',
		confirm: 'long-enough-pw'
	});
	expect(r1.status()).toBe(400);
	expect(await r1.text()).toContain('vypršel');
	const r2 = await post(request, '/reset-password', {
		token: 'nope',
		password: 'short',
		confirm: 'other'
	});
	expect(r2.status()).toBe(400);
	const r3 = await post(request, '/reset-password', { token: LONG, password: LONG, confirm: LONG });
	expect(r3.status()).toBe(400);
	const r4 = await post(request, '/invitations/not-a-token', { name: HOSTILE, password: 'x' });
	expect(r4.status()).toBe(410);
});

test('profile changes with bad values are refused and nothing changes', async ({ page }) => {
	await signInWithPassword(page, 'admin@example.org');
	const cases: Record<string, string>[] = [
		{ name: '', pronouns: '', locale: 'en', timeZone: 'Europe/Amsterdam' },
		{ name: LONG, pronouns: '', locale: 'en', timeZone: 'Europe/Amsterdam' },
		{ name: HOSTILE, pronouns: '', locale: 'en', timeZone: 'Europe/Amsterdam' },
		{ name: 'Alex', pronouns: HOSTILE, locale: 'en', timeZone: 'Europe/Amsterdam' },
		{ name: 'Alex', pronouns: '', locale: 'xx', timeZone: 'Europe/Amsterdam' },
		{ name: 'Alex', pronouns: '', locale: 'en', timeZone: 'Mars/Olympus' },
		{ name: 'Alex', pronouns: '', locale: 'en', timeZone: LONG }
	];
	for (const form of cases) {
		const r = await postAs(page, '/profile', form);
		expect(r.status(), JSON.stringify(form).slice(0, 80)).toBe(400);
		expect(await r.text()).toContain('Please correct the marked fields.');
	}
	await page.goto('/profile');
	await expect(page.getByLabel('Display name')).toHaveValue('Alex Morgan');
});

test('admin invitations and role changes with bad values are refused and send nothing', async ({
	page
}) => {
	await signInWithPassword(page, 'admin@example.org');
	const before = await emailCount('');
	for (const email of BAD_EMAILS) {
		const r = await postAs(page, '/admin/people?/invite', {
			email,
			role: 'participant',
			locale: 'en'
		});
		expect(r.status()).toBe(400);
	}
	const badRole = await postAs(page, '/admin/people?/invite', {
		email: 'ok@example.org',
		role: 'owner',
		locale: 'en'
	});
	expect(badRole.status()).toBe(400);
	expect(await badRole.text()).toContain('Please choose one of the listed roles.');
	const badLocale = await postAs(page, '/admin/people?/invite', {
		email: 'ok@example.org',
		role: 'participant',
		locale: HOSTILE
	});
	expect(badLocale.status()).toBe(400);
	expect(await emailCount('')).toBe(before);

	const r1 = await postAs(page, '/admin/people?/role', {
		userId: HOSTILE,
		role: 'admin',
		action: 'add'
	});
	expect(r1.status()).toBe(404);
	const r2 = await postAs(page, '/admin/people?/role', {
		userId: LONG,
		role: 'admin',
		action: 'add'
	});
	expect(r2.status()).toBe(400);
	const r3 = await postAs(page, '/admin/people?/cancel', { id: "1' or '1'='1" });
	expect(r3.status()).toBe(400);
	const r4 = await page.request.get(`${MAIL_APP}/admin/outbox/${encodeURIComponent(HOSTILE)}`);
	expect(r4.status()).toBe(404);
});

test('people without the admin role cannot use admin actions', async ({ page }) => {
	await signInWithPassword(page, 'dana@example.org');
	const r = await postAs(page, '/admin/people?/invite', {
		email: 'x@example.org',
		role: 'admin',
		locale: 'en'
	});
	expect(r.status()).toBe(403);
	const g = await page.request.get(`${MAIL_APP}/admin/outbox`);
	expect(g.status()).toBe(403);
});

test('a 1 MB body gets a 4xx, not a 5xx', async ({ request }) => {
	const r = await post(request, '/sign-in?/password', {
		email: 'a'.repeat(1024 * 1024),
		password: 'x'
	});
	expect(r.status()).toBeGreaterThanOrEqual(400);
	expect(r.status()).toBeLessThan(500);
});

test('a NUL character is refused with a clear 400 in the person’s language, for forms and JSON alike; nothing changes', async ({
	page,
	request
}) => {
	await signInWithPassword(page, 'admin@example.org');
	const r = await page.request.post(`${MAIL_APP}/profile`, {
		form: { name: 'Alex\u0000Morgan', pronouns: '', locale: 'en', timeZone: 'Europe/Amsterdam' },
		headers: { origin: MAIL_APP, accept: 'text/html', cookie: 'trellis_locale=cs' },
		maxRedirects: 0
	});
	expect(r.status()).toBe(400);
	expect(await r.text()).toContain('řídicí znak NUL');
	const j = await request.post(`${MAIL_APP}/api/auth/sign-in/email`, {
		data: { email: 'jana@example.org', password: 'x\u0000y' },
		headers: { origin: MAIL_APP }
	});
	expect(j.status()).toBe(400);
	expect((await j.json()).message).toContain('NUL');
	await page.goto('/profile');
	await expect(page.getByLabel('Display name')).toHaveValue('Alex Morgan');
});

test('redirect targets that would leave the site or break the redirect fall back to the home page', async ({
	page,
	request
}) => {
	for (const back of ['/\\evil.example', '/\\/evil.example', '/ok\r\nx: y', '//evil.example']) {
		const r = await request.post(`${MAIL_APP}/language`, {
			form: { locale: 'cs', redirectTo: back },
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(r.status(), JSON.stringify(back)).toBe(303);
		expect(r.headers().location).toBe('/');
	}
	await signInWithPassword(page, 'jana@example.org');
	const s = await page.request.get(`${MAIL_APP}/signed-in?next=/%5Cevil.example`, {
		maxRedirects: 0
	});
	expect(s.status()).toBe(303);
	expect(s.headers().location).toBe('/');
});
