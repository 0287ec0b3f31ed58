import { createHash, createPrivateKey, randomBytes, randomUUID, sign } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { MAIL_APP } from '../../playwright.config.ts';
import { hashPassword } from '../../src/lib/server/security/password-hash.ts';
import { secretOf, totpCode } from '../support/totp.ts';
import { withAppDb } from './app-db.ts';
import { DEMO_PASSWORD, expectAccessible, SIGN_OUT, signInWithPassword } from './helpers.ts';

/*
 * Issue 16, item 7: accounts that can see others' data are protected. Each test makes its own
 * people (straight into the app's database, with the demo password hashed as the app hashes
 * it), so that no demo person other tests sign in as gets a second factor.
 */

test.describe.configure({ timeout: 240_000 });

/**
 * axe (and the markup check) on every page a test visits, once per path and state name: the
 * machine running the suite is shared, and each check takes seconds.
 */
function a11yOncePerPage() {
	const seen = new Set<string>();
	return async (page: Page, state = '') => {
		const key = new URL(page.url()).pathname + state;
		if (seen.has(key)) return;
		seen.add(key);
		await expectAccessible(page);
	};
}

async function makeStaff(role: 'admin' | 'facilitator', name: string) {
	const email = `${role}-${randomBytes(4).toString('hex')}@example.org`;
	const hash = await hashPassword(DEMO_PASSWORD);
	await withAppDb(async (sql) => {
		const id = randomUUID();
		await sql`insert into users (id, name, email, email_verified, locale, time_zone)
			values (${id}, ${name}, ${email}, true, 'en', 'Europe/Prague')`;
		await sql`insert into accounts (id, account_id, provider_id, user_id, password)
			values (${randomUUID()}, ${id}, 'credential', ${id}, ${hash})`;
		await sql`insert into memberships (organisation_id, user_id, role)
			select id, ${id}, ${role} from organisations order by created_at limit 1`;
	});
	return email;
}

/**
 * Signs in with a passkey's private key (from the virtual authenticator) the way an
 * authenticator would, but with only the "user present" flag: no user verification.
 */
async function assertionWithoutUserVerification(
	page: Page,
	origin: string,
	credential: { credentialId: string; privateKey: string; userHandle?: string; signCount: number }
) {
	const b64url = (b: Buffer) => b.toString('base64url');
	const options = await (
		await page.request.get(`${origin}/api/auth/passkey/generate-authenticate-options`)
	).json();
	const clientData = Buffer.from(
		JSON.stringify({
			type: 'webauthn.get',
			challenge: options.challenge,
			origin,
			crossOrigin: false
		})
	);
	const counter = Buffer.alloc(4);
	counter.writeUInt32BE(credential.signCount + 1);
	const authData = Buffer.concat([
		createHash('sha256').update(options.rpId).digest(),
		Buffer.from([0x01]),
		counter
	]);
	const key = createPrivateKey({
		key: Buffer.from(credential.privateKey, 'base64'),
		format: 'der',
		type: 'pkcs8'
	});
	// The passkey is Ed25519 or P-256, whichever the browser chose from the site's list.
	const signature = sign(
		key.asymmetricKeyType === 'ed25519' ? null : 'sha256',
		Buffer.concat([authData, createHash('sha256').update(clientData).digest()]),
		key
	);
	const id = b64url(Buffer.from(credential.credentialId, 'base64'));
	return page.request.post(`${origin}/api/auth/passkey/verify-authentication`, {
		headers: { origin, 'content-type': 'application/json' },
		data: {
			response: {
				id,
				rawId: id,
				type: 'public-key',
				clientExtensionResults: {},
				response: {
					authenticatorData: b64url(authData),
					clientDataJSON: b64url(clientData),
					signature: b64url(signature),
					...(credential.userHandle
						? { userHandle: b64url(Buffer.from(credential.userHandle, 'base64')) }
						: {})
				}
			}
		}
	});
}

async function setOrganisationRequirement(value: boolean | null) {
	await withAppDb((sql) => sql`update organisations set staff_second_factor_required = ${value}`);
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: SIGN_OUT }).click();
	await expect(page).toHaveURL(/\/sign-in/);
}

/** The password step alone: the second-factor page follows. */
async function passwordStep(page: Page, email: string) {
	await page.goto('/sign-in');
	const form = page.getByRole('region', { name: 'With your password' });
	await form.getByLabel('Email address').fill(email);
	await form.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Sets up the authenticator app on the security page; returns its secret and recovery codes. */
async function setUpApp(page: Page, a11y: ReturnType<typeof a11yOncePerPage>) {
	await page.goto('/profile/security');
	const app = page.getByRole('region', { name: 'Authenticator app' });
	// A wrong password first: refused, nothing started.
	await app.getByLabel('Password').fill('not-the-password');
	await app.getByRole('button', { name: 'Set up an authenticator app' }).click();
	await expect(app.getByRole('alert')).toContainText('That password is not right');
	await app.getByLabel('Password').fill(DEMO_PASSWORD);
	await app.getByRole('button', { name: 'Set up an authenticator app' }).click();
	await expect(app.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
	const codes = await app
		.getByRole('list', { name: 'Recovery codes' })
		.getByRole('listitem')
		.allTextContents();
	expect(codes).toHaveLength(10);
	await a11y(page, 'setup');
	const key = (await page.locator('[data-totp-key]').textContent())!.replace(/\s+/g, '');
	const secret = secretOf(`otpauth://totp/x?secret=${key}`);
	// A malformed code and a wrong one are refused with a message; the key is still shown.
	await app.getByLabel('Six-digit code').fill('12ab');
	await app.getByRole('button', { name: 'Confirm the code' }).click();
	await expect(app.getByText('Please enter the six digits your app shows.')).toBeVisible();
	const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
	await app.getByLabel('Six-digit code').fill(wrong);
	await app.getByRole('button', { name: 'Confirm the code' }).click();
	await expect(app.getByRole('alert')).toContainText('That code did not work');
	await app.getByLabel('Six-digit code').fill(totpCode(secret));
	await app.getByRole('button', { name: 'Confirm the code' }).click();
	await expect(page.getByRole('status')).toContainText('Your authenticator app is set up');
	await a11y(page, 'done');
	return { secret, codes: codes.map((c) => c.trim()) };
}

test('a facilitator sets up an authenticator app and signs in with its code; each recovery code works once', async ({
	page
}) => {
	const a11y = a11yOncePerPage();
	const email = await makeStaff('facilitator', 'Kim Facilitator');
	await signInWithPassword(page, email);
	const { secret, codes } = await setUpApp(page, a11y);
	await page.goto('/profile');
	await expect(page.getByText('Your account has a second sign-in step.')).toBeVisible();
	await a11y(page);
	await signOut(page);

	// The password alone no longer signs in: the code page asks for the second step.
	await passwordStep(page, email);
	await expect(page).toHaveURL(/\/sign-in\/second-factor$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Confirm it is you' })).toBeVisible();
	await a11y(page);
	await page.goto('/');
	await expect(page.getByRole('button', { name: SIGN_OUT })).toHaveCount(0);
	await page.goto('/sign-in/second-factor');
	const app = page.getByRole('region', { name: 'Code from your authenticator app' });
	await app.getByLabel('Six-digit code').fill('000');
	await app.getByRole('button', { name: 'Confirm and sign in' }).click();
	await expect(app.getByText('Please enter the six digits your app shows.')).toBeVisible();
	await a11y(page, 'error');
	await app.getByLabel('Six-digit code').fill(totpCode(secret, Date.now(), 0));
	await app.getByRole('button', { name: 'Confirm and sign in' }).click();
	await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
	await a11y(page);
	await signOut(page);

	// A recovery code instead of the app: once.
	for (const attempt of ['first', 'second']) {
		await passwordStep(page, email);
		const recovery = page.getByRole('region', { name: 'Or a recovery code' });
		await recovery.getByLabel('Recovery code').fill(codes[0]);
		await recovery.getByRole('button', { name: 'Use recovery code' }).click();
		if (attempt === 'first') {
			await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
			await signOut(page);
		} else {
			await expect(page.getByRole('alert')).toContainText('That code did not work');
			await expect(page.getByRole('button', { name: SIGN_OUT })).toHaveCount(0);
			await a11y(page, 'recovery-refused');
		}
	}
	// A malformed recovery code is refused before anything is tried.
	const recovery = page.getByRole('region', { name: 'Or a recovery code' });
	await recovery.getByLabel('Recovery code').fill('no');
	await recovery.getByRole('button', { name: 'Use recovery code' }).click();
	await expect(recovery.getByText('A recovery code has ten letters and digits')).toBeVisible();
	// Another, unused recovery code still works.
	await recovery.getByLabel('Recovery code').fill(codes[1]);
	await recovery.getByRole('button', { name: 'Use recovery code' }).click();
	await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
});

test('an admin registers a passkey with a virtual authenticator and signs in with it', async ({
	browser
}) => {
	const a11y = a11yOncePerPage();
	const email = await makeStaff('admin', 'Pat Admin');
	// WebAuthn takes no IP address as the site, so this browser uses "localhost".
	const local = MAIL_APP.replace('127.0.0.1', 'localhost');
	const ctx = await browser.newContext({ baseURL: local });
	const page = await ctx.newPage();
	const cdp = await ctx.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true
		}
	});
	await signInWithPassword(page, email);
	await page.goto('/profile/security');
	const passkeys = page.getByRole('region', { name: 'Passkeys' });
	await expect(passkeys.getByText('No passkeys yet.')).toBeVisible();
	await passkeys.getByLabel('Name for this passkey').fill('Test laptop');
	await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
	await expect(page.getByRole('status')).toContainText('Your passkey was added');
	await expect(passkeys.getByText(/Test laptop/)).toBeVisible();
	await a11y(page);
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	expect(credentials).toHaveLength(1);
	await signOut(page);

	await page.goto('/sign-in');
	await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
	await a11y(page);
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
	await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
	await page.goto('/profile');
	await expect(page.getByLabel('Display name')).toHaveValue('Pat Admin');
	await a11y(page);

	// Removed, the passkey no longer signs in.
	await page.goto('/profile/security');
	await passkeys.getByRole('button', { name: 'Remove Test laptop' }).click();
	await expect(page.getByRole('status')).toContainText('The passkey was removed');
	await signOut(page);
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
	await expect(page.getByText('Signing in with a passkey did not work')).toBeVisible();
	await expect(page.getByRole('button', { name: SIGN_OUT })).toHaveCount(0);
	await ctx.close();
});

test.describe('when the organisation requires a second factor of staff', () => {
	test.afterEach(async () => {
		await setOrganisationRequirement(null);
	});

	test('an admin turns it on, and a facilitator without one must set it up before anything else', async ({
		page,
		browser
	}) => {
		const a11y = a11yOncePerPage();
		await signInWithPassword(page, 'admin@example.org');
		await page.goto('/admin');
		const setting = page.getByRole('region', { name: 'Second sign-in step for staff' });
		await setting.getByRole('radio', { name: 'Required' }).check();
		await setting.getByRole('button', { name: 'Save the requirement' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		await a11y(page);
		// The admin has no second factor either: the next page is the setup page.
		await page.goto('/admin/people');
		await expect(page).toHaveURL(/\/profile\/security$/);

		const email = await makeStaff('facilitator', 'Robin Facilitator');
		const ctx = await browser.newContext();
		const fac = await ctx.newPage();
		await signInWithPassword(fac, email);
		await expect(fac).toHaveURL(/\/profile\/security$/);
		await expect(fac.getByRole('alert')).toContainText(
			'Your organisation asks admins and facilitators to set up an authenticator app'
		);
		await a11y(fac);
		for (const path of ['/', '/profile', '/cohorts', '/admin', '/profile/sessions']) {
			await fac.goto(path);
			await expect(fac, path).toHaveURL(/\/profile\/security$/);
		}
		// A form post elsewhere is refused the same way, and changes nothing.
		const post = await fac.request.post(`${MAIL_APP}/profile`, {
			form: { name: 'Changed', locale: 'en', timeZone: 'Europe/Prague' },
			headers: { origin: MAIL_APP },
			maxRedirects: 0
		});
		expect(post.status()).toBe(303);
		expect(post.headers().location).toBe('/profile/security');
		// Signing out stays possible.
		await fac.getByRole('button', { name: SIGN_OUT }).click();
		await expect(fac).toHaveURL(/\/sign-in/);
		await signInWithPassword(fac, email);
		await expect(fac).toHaveURL(/\/profile\/security$/);
		await setUpApp(fac, a11y);
		await fac.goto('/profile');
		await expect(fac).toHaveURL(/\/profile$/);
		await expect(fac.getByLabel('Display name')).toHaveValue('Robin Facilitator');
		await ctx.close();
	});
	test('a facilitator meets it with a passkey, which then signs in without the password alone; a passkey without user verification does not', async ({
		browser
	}) => {
		const a11y = a11yOncePerPage();
		await setOrganisationRequirement(true);
		const email = await makeStaff('facilitator', 'Noa Facilitator');
		const local = MAIL_APP.replace('127.0.0.1', 'localhost');
		const ctx = await browser.newContext({ baseURL: local });
		const page = await ctx.newPage();
		const cdp = await ctx.newCDPSession(page);
		await cdp.send('WebAuthn.enable');
		const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
			options: {
				protocol: 'ctap2',
				transport: 'internal',
				hasResidentKey: true,
				hasUserVerification: true,
				isUserVerified: true,
				automaticPresenceSimulation: true
			}
		});
		await signInWithPassword(page, email);
		await expect(page).toHaveURL(/\/profile\/security$/);
		await expect(page.getByRole('alert')).toContainText('an authenticator app or a passkey');
		const passkeys = page.getByRole('region', { name: 'Passkeys' });
		await passkeys.getByLabel('Name for this passkey').fill('Work phone');
		await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
		await expect(page.getByRole('status')).toContainText('Your passkey was added');
		// The passkey meets the requirement: other pages open, and the page says what changed.
		await expect(passkeys.getByText('your password alone no longer signs you in')).toBeVisible();
		await a11y(page, 'passkey-only');
		await page.goto('/profile');
		await expect(page).toHaveURL(/\/profile$/);
		await signOut(page);

		// The password alone: no session, and a message that points to the passkey.
		await passwordStep(page, email);
		await expect(page).toHaveURL(/\/sign-in/);
		await expect(page.getByRole('alert')).toContainText('Your account signs in with a passkey');
		await expect(page.getByRole('button', { name: SIGN_OUT })).toHaveCount(0);
		await a11y(page, 'use-passkey');
		await page.goto('/profile');
		await expect(page).toHaveURL(/\/sign-in/);

		/*
		 * The passkey's answer without the "verified" flag (the device did not check the person's
		 * fingerprint, face or PIN: a security key with no PIN, or the key alone in a thief's
		 * hand) is refused. Browsers will not send one while the site prefers verification, so
		 * it is signed here with the passkey's own private key.
		 */
		const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
		expect(credentials).toHaveLength(1);
		const unverified = await assertionWithoutUserVerification(page, local, credentials[0]);
		expect(unverified.status()).toBe(401);
		expect(await unverified.text()).toContain('USER_NOT_VERIFIED');
		await page.goto('/profile');
		await expect(page).toHaveURL(/\/sign-in/);

		await page.goto('/sign-in');
		await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
		await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
		await page.goto('/cohorts');
		await expect(page).toHaveURL(/\/cohorts$/);
		await ctx.close();
	});
});

// The person's name is a visually hidden part of the link, which the browser sets apart.
const RESET_LEE = /^Reset sign-in steps\s*: Lee Facilitator$/;

test('an admin resets the sign-in steps of a facilitator who lost them, after confirming; the facilitator is signed out, told and signs in with the password', async ({
	page,
	browser
}) => {
	const a11y = a11yOncePerPage();
	const email = await makeStaff('facilitator', 'Lee Facilitator');
	const fac = await (await browser.newContext()).newPage();
	await signInWithPassword(fac, email);
	// The app is set up (as the app's own setup would leave it), and a passkey is registered.
	await withAppDb(async (sql) => {
		const [u] = await sql`select id from users where email = ${email}`;
		await sql`insert into two_factors (id, secret, backup_codes, user_id, verified)
			values (${randomUUID()}, 'sealed', 'sealed', ${u.id}, true)`;
		await sql`update users set two_factor_enabled = true where id = ${u.id}`;
		await sql`insert into passkeys (id, public_key, user_id, credential_id, counter, device_type, backed_up)
			values (${randomUUID()}, 'key', ${u.id}, ${randomUUID()}, 0, 'singleDevice', false)`;
	});

	await signInWithPassword(page, 'admin@example.org');
	await page.goto('/admin/people');
	await page.getByRole('link', { name: RESET_LEE }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Reset the sign-in steps of Lee Facilitator' })
	).toBeVisible();
	await expect(page.getByText('An authenticator app with recovery codes is set up.')).toBeVisible();
	await expect(page.getByText('Passkeys: 1')).toBeVisible();
	await a11y(page);
	const submit = page.getByRole('button', { name: 'Reset sign-in steps' });
	// Not confirmed: refused.
	await page.getByLabel('Your own password').fill(DEMO_PASSWORD);
	await submit.click();
	await expect(
		page.getByText('Please confirm that you checked this with the person.')
	).toBeVisible();
	await a11y(page, 'unconfirmed');
	// Confirmed, with a wrong password: refused, nothing reset.
	await page.getByLabel('I have checked that Lee Facilitator asked for this').check();
	await page.getByLabel('Your own password').fill('not-the-password');
	await submit.click();
	await expect(page.getByText('That password is not right. Nothing was reset.')).toBeVisible();
	await a11y(page, 'wrong-password');
	await fac.goto('/profile');
	await expect(fac).toHaveURL(/\/profile$/);

	await page.getByLabel('I have checked that Lee Facilitator asked for this').check();
	await page.getByLabel('Your own password').fill(DEMO_PASSWORD);
	await submit.click();
	await expect(page).toHaveURL(/\/admin\/people\?reset=1$/);
	await expect(page.getByRole('status')).toContainText('The sign-in steps were reset');
	await a11y(page, 'reset');

	// The facilitator is signed out everywhere, and the password alone signs in again.
	await fac.goto('/profile');
	await expect(fac).toHaveURL(/\/sign-in/);
	await signInWithPassword(fac, email);
	await fac.goto('/profile/security');
	await expect(fac.getByText('No passkeys yet.')).toBeVisible();
	await expect(fac.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();

	// Told by email, and the reset is in the access log.
	await page.goto('/admin/outbox');
	await expect(
		page.getByRole('link', {
			name: new RegExp(`${email}.*The sign-in steps of your Trellis account were reset`)
		})
	).toBeVisible();
	await page.goto('/admin/audit');
	await expect(page.getByRole('cell', { name: 'Sign-in steps reset' }).first()).toBeVisible();

	// Nothing left to reset: said, and no form.
	await page.goto('/admin/people');
	await page.getByRole('link', { name: RESET_LEE }).click();
	await expect(page.getByText('This person has no second sign-in step')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reset sign-in steps' })).toHaveCount(0);
	await a11y(page, 'nothing');
	await fac.context().close();
});

test("resetting sign-in steps: one's own goes to the security page; bad and forged posts are a localised 4xx", async ({
	page
}) => {
	const email = await makeStaff('facilitator', 'Ira Facilitator');
	const without = await makeStaff('facilitator', 'Ola Facilitator');
	const [ids] = await withAppDb(
		(sql) => sql`select (select id from users where email = ${email}) as person,
			(select id from users where email = ${without}) as without,
			(select id from users where email = 'admin@example.org') as admin`
	);
	const passkeyCount = async () =>
		(
			await withAppDb(
				(sql) => sql`select count(*)::int as n from passkeys where user_id = ${ids.person}`
			)
		)[0].n;
	await withAppDb(
		(
			sql
		) => sql`insert into passkeys (id, public_key, user_id, credential_id, counter, device_type, backed_up)
			values (${randomUUID()}, 'key', ${ids.person}, ${randomUUID()}, 0, 'singleDevice', false)`
	);
	await signInWithPassword(page, 'admin@example.org');
	await page.goto(`/admin/people/${ids.admin}/second-factor`);
	await expect(page).toHaveURL(/\/profile\/security$/);
	const post = async (id: string, form: Record<string, string>, locale = 'cs') => {
		await page.context().addCookies([{ name: 'trellis_locale', value: locale, url: MAIL_APP }]);
		return page.request.post(`${MAIL_APP}/admin/people/${id}/second-factor`, {
			form,
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		});
	};
	const own = await post(ids.admin, { confirm: 'on', password: DEMO_PASSWORD });
	expect(own.status()).toBe(303);
	expect(own.headers().location).toBe('/profile/security');
	const unconfirmed = await post(ids.person, { password: DEMO_PASSWORD });
	expect(unconfirmed.status()).toBe(400);
	expect(await unconfirmed.text()).toContain('Potvrďte prosím');
	const oversized = await post(ids.person, { confirm: 'on', password: 'x'.repeat(5000) }, 'uk');
	expect(oversized.status()).toBe(400);
	const wrong = await post(ids.person, { confirm: 'on', password: 'not-the-password' }, 'uk');
	expect(wrong.status()).toBe(400);
	expect(await wrong.text()).toContain('Пароль неправильний. Нічого не скинуто.');
	expect(await passkeyCount()).toBe(1);
	const nothing = await post(ids.without, { confirm: 'on', password: DEMO_PASSWORD }, 'uk');
	expect(nothing.status()).toBe(409);
	expect(await nothing.text()).toContain('Ця особа не має другого кроку входу');
	const unknown = await page.request.get(`${MAIL_APP}/admin/people/${randomUUID()}/second-factor`, {
		headers: { accept: 'text/html' }
	});
	expect(unknown.status()).toBe(404);
	const asFacilitator = await (await page.context().browser()!.newContext()).newPage();
	await signInWithPassword(asFacilitator, email);
	const forbidden = await asFacilitator.request.post(
		`${MAIL_APP}/admin/people/${ids.admin}/second-factor`,
		{
			form: { confirm: 'on', password: DEMO_PASSWORD },
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		}
	);
	expect(forbidden.status()).toBe(403);
	expect(await passkeyCount()).toBe(1);
	await asFacilitator.context().close();
});

test('the profile lists where one is signed in; one session or all can be signed out', async ({
	browser
}) => {
	const a11y = a11yOncePerPage();
	const email = await makeStaff('facilitator', 'Sasha Facilitator');
	const laptop = await (await browser.newContext()).newPage();
	const phone = await (
		await browser.newContext({
			userAgent:
				'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/140.0 Mobile'
		})
	).newPage();
	const tablet = await (await browser.newContext()).newPage();
	await signInWithPassword(laptop, email);
	await signInWithPassword(phone, email);
	await signInWithPassword(tablet, email);

	await laptop.goto('/profile');
	const list = laptop.locator('ul.sessions > li');
	await expect(list).toHaveCount(3);
	await expect(laptop.getByText('(this browser)')).toHaveCount(1);
	await expect(laptop.getByText('Firefox on Android', { exact: true })).toBeVisible();
	await expect(list.first()).toContainText('Last active');
	await a11y(laptop);

	// The phone's session ends; the phone is signed out, the others are not.
	await laptop.getByRole('button', { name: 'Sign out Firefox on Android' }).click();
	await expect(laptop).toHaveURL(/\/profile\/sessions\?revoked=1$/);
	await expect(laptop.getByRole('status')).toContainText('That session has ended.');
	await a11y(laptop);
	await expect(laptop.locator('ul.sessions > li')).toHaveCount(2);
	await phone.goto('/profile');
	await expect(phone).toHaveURL(/\/sign-in/);
	await tablet.goto('/profile');
	await expect(tablet).toHaveURL(/\/profile$/);

	// Someone else's or an unknown session id: a clear 404, nothing ends.
	const forged = await laptop.request.post(`${MAIL_APP}/profile/sessions?/revoke`, {
		form: { id: 'not-a-session' },
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(forged.status()).toBe(404);
	expect(await forged.text()).toContain('That session has already ended or is not one of yours.');
	await laptop.goto('/profile/sessions');
	await expect(laptop.locator('ul.sessions > li')).toHaveCount(2);

	// Sign out everywhere: this browser and the tablet.
	await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(laptop).toHaveURL(/\/sign-in$/);
	await tablet.goto('/profile');
	await expect(tablet).toHaveURL(/\/sign-in/);
	await laptop.goto('/profile');
	await expect(laptop).toHaveURL(/\/sign-in/);
});

test('bad and forged input on the new forms: a clear localised 4xx, nothing changed', async ({
	page,
	request
}) => {
	const a11y = a11yOncePerPage();
	const cs = { origin: MAIL_APP, accept: 'text/html', cookie: 'trellis_locale=cs' };
	// The code page without a password step first: nothing to finish.
	const noChallenge = await request.post(`${MAIL_APP}/sign-in/second-factor?/totp`, {
		form: { code: '123456' },
		headers: cs,
		maxRedirects: 0
	});
	expect(noChallenge.status()).toBe(400);
	expect(await noChallenge.text()).toContain('Toto přihlášení vypršelo');
	const malformed = await request.post(`${MAIL_APP}/sign-in/second-factor?/recovery`, {
		form: { code: '<script>' },
		headers: cs,
		maxRedirects: 0
	});
	expect(malformed.status()).toBe(400);
	expect(await malformed.text()).toContain('Záložní kód má deset písmen a číslic');
	// From another site: refused before anything runs.
	const crossSite = await request.post(`${MAIL_APP}/sign-in/second-factor?/totp`, {
		form: { code: '123456' },
		headers: { origin: 'https://evil.example', cookie: 'trellis_locale=cs' },
		maxRedirects: 0
	});
	expect(crossSite.status()).toBe(403);

	const email = await makeStaff('facilitator', 'Ali Facilitator');
	await signInWithPassword(page, email);
	await page.context().addCookies([{ name: 'trellis_locale', value: 'uk', url: MAIL_APP }]);
	const asPerson = (path: string, form: Record<string, string>) =>
		page.request.post(`${MAIL_APP}${path}`, {
			form,
			headers: { origin: MAIL_APP, accept: 'text/html' },
			maxRedirects: 0
		});
	const confirmWithoutStart = await asPerson('/profile/security?/confirm', { code: '123456' });
	expect(confirmWithoutStart.status()).toBe(400);
	expect(await confirmWithoutStart.text()).toContain('почніть налаштування');
	const badCode = await asPerson('/profile/security?/confirm', { code: 'x'.repeat(5000) });
	expect(badCode.status()).toBe(400);
	const noPassword = await asPerson('/profile/security?/start', {});
	expect(noPassword.status()).toBe(400);
	const otherPasskey = await asPerson('/profile/security?/removePasskey', { id: randomUUID() });
	expect(otherPasskey.status()).toBe(404);
	const codesWithoutApp = await asPerson('/profile/security?/recoveryCodes', {
		password: DEMO_PASSWORD
	});
	expect(codesWithoutApp.status()).toBe(400);
	await page.goto('/profile/security');
	await a11y(page);
	await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toHaveCount(
		0
	);
	await expect(page.getByText('Ключів доступу ще немає.')).toBeVisible();

	await signOut(page);
	await page.context().clearCookies({ name: 'trellis_locale' });
	await signInWithPassword(page, 'admin@example.org');
	const badChoice = await page.request.post(`${MAIL_APP}/admin?/secondFactor`, {
		form: { required: 'maybe' },
		headers: { origin: MAIL_APP, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(badChoice.status()).toBe(400);
	expect(await badChoice.text()).toContain('Please choose one of the listed options.');
	const setting = await withAppDb(
		(sql) => sql`select staff_second_factor_required as v from organisations limit 1`
	);
	expect(setting[0].v).toBeNull();
});
