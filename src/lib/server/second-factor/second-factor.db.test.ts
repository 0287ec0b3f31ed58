import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.ts';
import { randomUUID } from 'node:crypto';
import {
	auditEvents,
	emailOutbox,
	passkeys,
	sessions,
	twoFactors,
	users
} from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeOrganisation, makePerson, TEST_PASSWORD } from '../testing/factories.ts';
import { authWithBrowsers, type TestBrowser } from '../testing/auth-browser.ts';
import { signInWithPassword } from '../accounts/sign-in-with-password.ts';
import { secretOf, totpCode } from '../../../../tests/support/totp.ts';
import { startTotpSetup } from './start-totp-setup.ts';
import { confirmTotpSetup } from './confirm-totp-setup.ts';
import { verifySecondFactor } from './verify-second-factor.ts';
import { pendingTotpSetup } from './pending-totp-setup.ts';
import { resetSecondFactors } from './reset-second-factors.ts';
import type { Auth } from '../auth/auth.ts';

let h: DbHandle;
let auth: Auth;
let browser: (ip?: string) => TestBrowser;
const cfg = testConfig();
let orgId: string;

beforeAll(async () => {
	h = await createTestDb();
	const a = authWithBrowsers(h.db, cfg);
	auth = a.auth;
	browser = (ip) => a.browser(ip);
	orgId = (await makeOrganisation(h.db)).id;
});
afterAll(async () => {
	await h?.close();
});

/** A facilitator with a confirmed authenticator app; returns its secret and recovery codes. */
async function personWithApp() {
	const p = await makePerson(h.db, auth, { organisationId: orgId, roles: ['facilitator'] });
	const b = browser();
	expect(
		await signInWithPassword(auth, h.db, cfg, {
			email: p.email,
			password: TEST_PASSWORD,
			headers: b.headers()
		})
	).toMatchObject({ ok: true });
	const started = await startTotpSetup(auth, { password: TEST_PASSWORD, headers: b.headers() });
	if (!started.ok) throw new Error(started.reason);
	const secret = secretOf(started.totpUri);
	const confirmed = await confirmTotpSetup(auth, h.db, cfg, {
		userId: p.id,
		code: totpCode(secret),
		headers: b.headers()
	});
	expect(confirmed).toEqual({ ok: true });
	return { ...p, secret, recoveryCodes: started.recoveryCodes };
}

async function passwordStep(email: string, ip?: string) {
	const b = browser(ip);
	const r = await signInWithPassword(auth, h.db, cfg, {
		email,
		password: TEST_PASSWORD,
		headers: b.headers()
	});
	return { b, r };
}

async function sessionCount(userId: string) {
	return (await h.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

describe('authenticator app (TOTP)', () => {
	it('is set up with a wrong password refused, a mistyped code refused, then the right code; the key can be shown again meanwhile', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId, roles: ['facilitator'] });
		const { b } = await passwordStep(p.email);
		expect(
			await startTotpSetup(auth, { password: 'not-the-password', headers: b.headers() })
		).toEqual({
			ok: false,
			reason: 'wrong-password'
		});
		const started = await startTotpSetup(auth, { password: TEST_PASSWORD, headers: b.headers() });
		if (!started.ok) throw new Error('not started');
		expect(started.recoveryCodes).toHaveLength(10);
		const pending = await pendingTotpSetup(auth, h.db, p);
		expect(pending?.totpUri).toBe(started.totpUri);
		const secret = secretOf(started.totpUri);
		const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0');
		expect(
			await confirmTotpSetup(auth, h.db, cfg, { userId: p.id, code: wrong, headers: b.headers() })
		).toEqual({
			ok: false,
			reason: 'wrong-code'
		});
		const [before] = await h.db.select().from(users).where(eq(users.id, p.id));
		expect(before.twoFactorEnabled).toBe(false);
		expect(
			await confirmTotpSetup(auth, h.db, cfg, {
				userId: p.id,
				code: totpCode(secret),
				headers: b.headers()
			})
		).toEqual({ ok: true });
		const [after] = await h.db.select().from(users).where(eq(users.id, p.id));
		expect(after.twoFactorEnabled).toBe(true);
		expect(await pendingTotpSetup(auth, h.db, p)).toBeUndefined();
	});

	it('makes a password sign-in wait for the code: no session until the code, one after', async () => {
		const p = await personWithApp();
		const before = await sessionCount(p.id);
		const { b, r } = await passwordStep(p.email);
		expect(r).toMatchObject({ ok: 'second-factor' });
		expect(await sessionCount(p.id)).toBe(before);
		expect(await auth.api.getSession({ headers: b.headers() })).toBeNull();
		const v = await verifySecondFactor(auth, h.db, cfg, {
			method: 'totp',
			code: totpCode(p.secret),
			headers: b.headers(),
			clientKey: b.ip
		});
		expect(v).toEqual({ ok: true });
		expect((await auth.api.getSession({ headers: b.headers() }))?.user.id).toBe(p.id);
	});

	it('takes each recovery code once: the second use is refused', async () => {
		const p = await personWithApp();
		const code = p.recoveryCodes[0];
		const first = await passwordStep(p.email);
		expect(
			await verifySecondFactor(auth, h.db, cfg, {
				method: 'recovery',
				code,
				headers: first.b.headers(),
				clientKey: 'a'
			})
		).toEqual({ ok: true });
		const second = await passwordStep(p.email);
		expect(
			await verifySecondFactor(auth, h.db, cfg, {
				method: 'recovery',
				code,
				headers: second.b.headers(),
				clientKey: 'b'
			})
		).toEqual({ ok: false, reason: 'wrong-code' });
		expect(await auth.api.getSession({ headers: second.b.headers() })).toBeNull();
		// Another, unused code still works.
		expect(
			await verifySecondFactor(auth, h.db, cfg, {
				method: 'recovery',
				code: p.recoveryCodes[1],
				headers: second.b.headers(),
				clientKey: 'b'
			})
		).toEqual({ ok: true });
	});
});

describe('limits on second-factor attempts', () => {
	it('ends the challenge after 5 wrong codes: even the right code is then refused', async () => {
		const p = await personWithApp();
		const { b } = await passwordStep(p.email);
		for (let i = 0; i < 5; i++) {
			const r = await verifySecondFactor(auth, h.db, cfg, {
				method: 'totp',
				code: '000000',
				headers: b.headers(),
				clientKey: `five-${i}`
			});
			expect(r).toEqual({ ok: false, reason: 'wrong-code' });
		}
		const r = await verifySecondFactor(auth, h.db, cfg, {
			method: 'totp',
			code: totpCode(p.secret),
			headers: b.headers(),
			clientKey: 'five-x'
		});
		expect(r).toEqual({ ok: false, reason: 'expired' });
		expect(await auth.api.getSession({ headers: b.headers() })).toBeNull();
	});

	it('locks the second factor for 15 minutes after 10 wrong codes across sign-ins', async () => {
		const p = await personWithApp();
		for (let round = 0; round < 2; round++) {
			const { b } = await passwordStep(p.email);
			for (let i = 0; i < 5; i++) {
				await verifySecondFactor(auth, h.db, cfg, {
					method: 'totp',
					code: '000000',
					headers: b.headers(),
					clientKey: `lock-${round}-${i}`
				});
			}
		}
		const { b } = await passwordStep(p.email);
		const r = await verifySecondFactor(auth, h.db, cfg, {
			method: 'totp',
			code: totpCode(p.secret),
			headers: b.headers(),
			clientKey: 'lock-x'
		});
		expect(r).toEqual({ ok: false, reason: 'locked' });
		const [row] = await h.db.select().from(twoFactors).where(eq(twoFactors.userId, p.id));
		expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
	});

	it('allows 10 tries a minute from one address, then refuses without asking the library', async () => {
		const p = await personWithApp();
		const ip = '198.51.100.7';
		let refused = 0;
		for (let round = 0; round < 3; round++) {
			const { b } = await passwordStep(p.email, ip);
			for (let i = 0; i < 4; i++) {
				const r = await verifySecondFactor(auth, h.db, cfg, {
					method: 'totp',
					code: '000000',
					headers: b.headers(),
					clientKey: ip
				});
				if (!r.ok && r.reason === 'rate-limited') refused++;
			}
		}
		expect(refused).toBe(2);
		const [row] = await h.db.select().from(twoFactors).where(eq(twoFactors.userId, p.id));
		expect(row.failedVerificationCount).toBe(10);
	});
});

describe('sign-in links and the second factor', () => {
	it('does not sign in a person with an authenticator app by a link alone', async () => {
		const p = await personWithApp();
		const b = browser();
		await auth.api.signInMagicLink({
			body: { email: p.email, callbackURL: '/signed-in', errorCallbackURL: '/sign-in?error=link' },
			headers: b.headers()
		});
		const [mail] = await h.db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, p.email))
			.orderBy(desc(emailOutbox.createdAt))
			.limit(1);
		const token = new URL(/https?:\/\/\S+/.exec(mail.textBody)![0]).searchParams.get('token')!;
		const before = await sessionCount(p.id);
		const location = await auth.api
			.magicLinkVerify({
				query: { token, callbackURL: '/signed-in', errorCallbackURL: '/sign-in?error=link' },
				headers: b.headers()
			})
			.then(
				() => 'no redirect',
				(e: { headers?: Headers }) => e.headers?.get('location') ?? String(e)
			);
		expect(location).toContain('/sign-in?error=failed_to_create_session');
		expect(await sessionCount(p.id)).toBe(before);
		expect(await auth.api.getSession({ headers: b.headers() })).toBeNull();
	});

	it('still signs in a person without an authenticator app by a link', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId, roles: ['participant'] });
		const b = browser();
		await auth.api.signInMagicLink({
			body: { email: p.email, callbackURL: '/signed-in', errorCallbackURL: '/sign-in?error=link' },
			headers: b.headers()
		});
		const [mail] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, p.email));
		const token = new URL(/https?:\/\/\S+/.exec(mail.textBody)![0]).searchParams.get('token')!;
		await auth.api
			.magicLinkVerify({ query: { token, callbackURL: '/signed-in' }, headers: b.headers() })
			.catch(() => undefined);
		expect((await auth.api.getSession({ headers: b.headers() }))?.user.id).toBe(p.id);
	});
});

describe("an admin resets a member's second factors", () => {
	async function addPasskey(userId: string) {
		await h.db.insert(passkeys).values({
			id: randomUUID(),
			userId,
			publicKey: 'not-a-real-key',
			credentialID: randomUUID(),
			counter: 0,
			deviceType: 'singleDevice',
			backedUp: false
		});
	}
	const reset = (personId: string, adminId: string, password = TEST_PASSWORD) =>
		resetSecondFactors(h.db, cfg, {
			organisationId: orgId,
			organisationName: 'Test Recovery College',
			personId,
			adminId,
			password
		});
	const auditOf = (subjectId: string) =>
		h.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId));
	const mailOf = (to: string) =>
		h.db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, to))
			.orderBy(desc(emailOutbox.createdAt));

	it('removes the app, its recovery codes and every passkey, ends every session, records it and tells the person', async () => {
		const admin = await makePerson(h.db, auth, {
			organisationId: orgId,
			roles: ['admin'],
			name: 'Dana Admin'
		});
		const p = await personWithApp();
		await addPasskey(p.id);
		await h.db.update(users).set({ locale: 'uk' }).where(eq(users.id, p.id));
		const { b } = await passwordStep(p.email);
		await verifySecondFactor(auth, h.db, cfg, {
			method: 'totp',
			code: totpCode(p.secret, Date.now(), 0),
			headers: b.headers(),
			clientKey: b.ip
		});
		expect(await sessionCount(p.id)).toBeGreaterThan(0);

		expect(await reset(p.id, admin.id)).toEqual({ ok: true, removed: { app: true, passkeys: 1 } });
		expect(await h.db.select().from(twoFactors).where(eq(twoFactors.userId, p.id))).toEqual([]);
		expect(await h.db.select().from(passkeys).where(eq(passkeys.userId, p.id))).toEqual([]);
		const [u] = await h.db.select().from(users).where(eq(users.id, p.id));
		expect(u.twoFactorEnabled).toBe(false);
		expect(await sessionCount(p.id)).toBe(0);
		expect(await auth.api.getSession({ headers: b.headers() })).toBeNull();
		expect(await auditOf(p.id)).toMatchObject([
			{ action: 'reset-second-factor', actorId: admin.id, actorRole: 'admin', reason: null }
		]);
		const [mail] = await mailOf(p.email);
		expect(mail).toMatchObject({ kind: 'second-factor-reset', locale: 'uk' });
		expect(mail.subject).toBe('Кроки входу до вашого облікового запису Trellis скинуто');
		expect(mail.textBody).toContain('Dana Admin');
		// The password signs in again, without a code; the old recovery codes are gone.
		const again = await passwordStep(p.email);
		expect(again.r).toMatchObject({ ok: true });
	});

	it("refuses one's own, a caller who is not an admin, a wrong password and someone outside the organisation, changing nothing", async () => {
		const admin = await makePerson(h.db, auth, { organisationId: orgId, roles: ['admin'] });
		const facilitator = await makePerson(h.db, auth, {
			organisationId: orgId,
			roles: ['facilitator']
		});
		const p = await personWithApp();
		await addPasskey(admin.id);
		expect(await reset(admin.id, admin.id)).toEqual({ ok: false, reason: 'self' });
		expect(await reset(p.id, facilitator.id)).toEqual({ ok: false, reason: 'not-admin' });
		expect(await reset(p.id, admin.id, 'not-the-password')).toEqual({
			ok: false,
			reason: 'wrong-password'
		});
		const elsewhere = await makePerson(h.db, auth, {
			organisationId: (await makeOrganisation(h.db, 'Another College')).id,
			roles: ['facilitator']
		});
		await addPasskey(elsewhere.id);
		expect(await reset(elsewhere.id, admin.id)).toEqual({ ok: false, reason: 'not-found' });
		expect(await reset('no-such-person', admin.id)).toEqual({ ok: false, reason: 'not-found' });

		const [u] = await h.db.select().from(users).where(eq(users.id, p.id));
		expect(u.twoFactorEnabled).toBe(true);
		expect(await h.db.select().from(passkeys).where(eq(passkeys.userId, admin.id))).toHaveLength(1);
		expect(
			await h.db.select().from(passkeys).where(eq(passkeys.userId, elsewhere.id))
		).toHaveLength(1);
		expect(await auditOf(p.id)).toEqual([]);
		expect(await mailOf(p.email)).toEqual([]);
	});

	it('has nothing to reset for a person without a second factor: nothing recorded or sent', async () => {
		const admin = await makePerson(h.db, auth, { organisationId: orgId, roles: ['admin'] });
		const p = await makePerson(h.db, auth, { organisationId: orgId });
		expect(await reset(p.id, admin.id)).toEqual({ ok: false, reason: 'nothing-to-reset' });
		expect(await auditOf(p.id)).toEqual([]);
		expect(await mailOf(p.email)).toEqual([]);
	});
});
