import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { hashPassword as scryptHash } from 'better-auth/crypto';
import type { DbHandle } from '../db/client.ts';
import { accounts, emailOutbox, organisations, passkeys, sessions } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeOrganisation, makePerson, TEST_PASSWORD } from '../testing/factories.ts';
import { authWithBrowsers, type TestBrowser } from '../testing/auth-browser.ts';
import { hashPassword, verifyPassword } from '../security/password-hash.ts';
import type { Auth } from '../auth/auth.ts';
import { signInWithPassword } from './sign-in-with-password.ts';
import { checkSession } from './check-session.ts';
import { signOutEverywhere } from './sign-out-everywhere.ts';
import { revokeSession } from './revoke-session.ts';
import { SESSION_LIMITS } from './session-limits.ts';
import { listActiveSessions } from './sessions.queries.ts';
import {
	staffSecondFactorMissing,
	staffSecondFactorRequired
} from '../organisations/staff-second-factor.ts';
import { setStaffSecondFactor } from '../organisations/set-staff-second-factor.ts';

let h: DbHandle;
let auth: Auth;
let browser: () => TestBrowser;
const cfg = testConfig();
let orgId: string;

beforeAll(async () => {
	h = await createTestDb();
	const a = authWithBrowsers(h.db, cfg);
	auth = a.auth;
	browser = () => a.browser();
	orgId = (await makeOrganisation(h.db)).id;
});
afterAll(async () => {
	await h?.close();
});

async function storedHash(userId: string) {
	const [row] = await h.db.select().from(accounts).where(eq(accounts.userId, userId));
	return row.password!;
}

async function signIn(email: string, password = TEST_PASSWORD) {
	const b = browser();
	const r = await signInWithPassword(auth, h.db, cfg, { email, password, headers: b.headers() });
	return { b, r };
}

describe('passwords', () => {
	it('are hashed with argon2id (19 MiB, 2 passes) and verified, a wrong one refused', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(
			/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/
		);
		expect(await verifyPassword({ hash, password: 'correct horse battery' })).toBe(true);
		expect(await verifyPassword({ hash, password: 'correct horse batterY' })).toBe(false);
		expect(await hashPassword('correct horse battery')).not.toBe(hash);
		expect(await verifyPassword({ hash: '$argon2id$v=19$garbage', password: 'x' })).toBe(false);
	});

	it('of new accounts are stored as argon2id', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId });
		expect(await storedHash(p.id)).toMatch(/^\$argon2id\$/);
	});

	it('hashed the old way (scrypt) still sign in, and are rehashed with argon2id then', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId });
		const old = await scryptHash(TEST_PASSWORD);
		expect(old).not.toMatch(/^\$argon2id\$/);
		await h.db.update(accounts).set({ password: old }).where(eq(accounts.userId, p.id));

		// A wrong password changes nothing.
		expect((await signIn(p.email, 'a-wrong-password-here')).r).toEqual({ ok: false });
		expect(await storedHash(p.id)).toBe(old);

		const { r } = await signIn(p.email);
		expect(r).toMatchObject({ ok: true });
		const upgraded = await storedHash(p.id);
		expect(upgraded).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword({ hash: upgraded, password: TEST_PASSWORD })).toBe(true);
		// And the new hash signs in.
		expect((await signIn(p.email)).r).toMatchObject({ ok: true });
	});
});

describe('sessions', () => {
	it('are new at every sign-in; the one the browser still carried ends', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId });
		const b = browser();
		await signInWithPassword(auth, h.db, cfg, {
			email: p.email,
			password: TEST_PASSWORD,
			headers: b.headers()
		});
		const first = await auth.api.getSession({ headers: b.headers() });
		await signInWithPassword(auth, h.db, cfg, {
			email: p.email,
			password: TEST_PASSWORD,
			headers: b.headers()
		});
		const second = await auth.api.getSession({ headers: b.headers() });
		expect(second?.session.id).toBeTruthy();
		expect(second?.session.id).not.toBe(first?.session.id);
		expect(second?.session.token).not.toBe(first?.session.token);
		const rows = await h.db.select().from(sessions).where(eq(sessions.userId, p.id));
		expect(rows.map((r) => r.id)).toEqual([second!.session.id]);
		expect(rows[0].lastActiveAt).toBeInstanceOf(Date);
	});

	async function sessionRow(roles: ('facilitator' | 'participant' | 'admin')[]) {
		const p = await makePerson(h.db, auth, { organisationId: orgId, roles });
		const { b } = await signIn(p.email);
		const s = (await auth.api.getSession({ headers: b.headers() }))!;
		return { p, b, id: s.session.id };
	}

	async function check(id: string, userId: string, staff: boolean, now: Date) {
		const [row] = await h.db.select().from(sessions).where(eq(sessions.id, id));
		return checkSession(h.db, { session: { ...row, userId }, staff, now });
	}

	async function backdate(id: string, t: { createdAt?: Date; lastActiveAt?: Date }) {
		await h.db.update(sessions).set(t).where(eq(sessions.id, id));
	}

	it('of staff end after an hour without a request; participants keep theirs', async () => {
		const staff = await sessionRow(['facilitator']);
		const participant = await sessionRow(['participant']);
		const now = new Date();
		const seventyMinutesAgo = new Date(now.getTime() - 70 * 60_000);
		await backdate(staff.id, { lastActiveAt: seventyMinutesAgo });
		await backdate(participant.id, { lastActiveAt: seventyMinutesAgo });
		expect(await check(staff.id, staff.p.id, true, now)).toEqual({ ok: false, reason: 'idle' });
		expect(await auth.api.getSession({ headers: staff.b.headers() })).toBeNull();
		expect(await check(participant.id, participant.p.id, false, now)).toEqual({ ok: true });
		// The check counted as activity.
		const [row] = await h.db.select().from(sessions).where(eq(sessions.id, participant.id));
		expect(row.lastActiveAt!.getTime()).toBe(now.getTime());
		// A participant's ends after a week without one.
		const later = new Date(now.getTime() + (SESSION_LIMITS.participant.idleS + 1) * 1000);
		expect(await check(participant.id, participant.p.id, false, later)).toEqual({
			ok: false,
			reason: 'idle'
		});
	});

	it('end at the absolute limit even when in use: 12 hours for staff, 30 days for participants', async () => {
		const staff = await sessionRow(['admin']);
		const participant = await sessionRow(['participant']);
		const now = new Date();
		const thirteenHoursAgo = new Date(now.getTime() - 13 * 3600_000);
		for (const s of [staff, participant]) {
			await backdate(s.id, {
				createdAt: thirteenHoursAgo,
				lastActiveAt: new Date(now.getTime() - 60_000)
			});
		}
		expect(await check(staff.id, staff.p.id, true, now)).toEqual({ ok: false, reason: 'absolute' });
		expect(await check(participant.id, participant.p.id, false, now)).toEqual({ ok: true });
		await backdate(participant.id, { createdAt: new Date(now.getTime() - 31 * 86400_000) });
		expect(await check(participant.id, participant.p.id, false, now)).toEqual({
			ok: false,
			reason: 'absolute'
		});
		expect(await h.db.select().from(sessions).where(eq(sessions.id, participant.id))).toEqual([]);
	});

	it('are listed for their owner, and each can be revoked by its owner only', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId });
		const other = await makePerson(h.db, auth, { organisationId: orgId });
		const a = await signIn(p.email);
		const b = await signIn(p.email);
		await signIn(other.email);
		const list = await listActiveSessions(h.db, p.id, new Date());
		expect(list).toHaveLength(2);
		const otherList = await listActiveSessions(h.db, other.id, new Date());
		// Someone else's session id is refused and stays.
		expect(await revokeSession(h.db, { userId: p.id, sessionId: otherList[0].id })).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(await listActiveSessions(h.db, other.id, new Date())).toHaveLength(1);
		const bId = (await auth.api.getSession({ headers: b.b.headers() }))!.session.id;
		expect(await revokeSession(h.db, { userId: p.id, sessionId: bId })).toEqual({ ok: true });
		expect(await auth.api.getSession({ headers: b.b.headers() })).toBeNull();
		expect(await auth.api.getSession({ headers: a.b.headers() })).not.toBeNull();
	});

	it('all end with "sign out everywhere", and only the person\'s own', async () => {
		const p = await makePerson(h.db, auth, { organisationId: orgId });
		const other = await makePerson(h.db, auth, { organisationId: orgId });
		const browsers = [await signIn(p.email), await signIn(p.email), await signIn(p.email)];
		const others = await signIn(other.email);
		expect(await signOutEverywhere(h.db, p.id)).toBe(3);
		for (const { b } of browsers) {
			expect(await auth.api.getSession({ headers: b.headers() })).toBeNull();
		}
		expect(await auth.api.getSession({ headers: others.b.headers() })).not.toBeNull();
	});
});

describe('the staff second-factor requirement', () => {
	it('follows the deployment until an admin chooses: on for production or https, off for the demo', async () => {
		const org = await makeOrganisation(h.db);
		const https = testConfig({ APP_ORIGIN: 'https://trellis.example.org' });
		expect(await staffSecondFactorRequired(h.db, cfg, org.id)).toEqual({
			required: false,
			explicit: false
		});
		expect(await staffSecondFactorRequired(h.db, https, org.id)).toEqual({
			required: true,
			explicit: false
		});
		await setStaffSecondFactor(h.db, org.id, false);
		expect(await staffSecondFactorRequired(h.db, https, org.id)).toEqual({
			required: false,
			explicit: true
		});
		await setStaffSecondFactor(h.db, org.id, true);
		expect(await staffSecondFactorRequired(h.db, cfg, org.id)).toEqual({
			required: true,
			explicit: true
		});
	});
});

/** A passkey row as the passkey plugin writes it (the ceremony itself is the browser test's). */
async function addPasskey(userId: string) {
	await h.db.insert(passkeys).values({
		id: randomUUID(),
		userId,
		name: 'Test key',
		publicKey: 'not-a-real-key',
		credentialID: randomUUID(),
		counter: 0,
		deviceType: 'singleDevice',
		backedUp: false
	});
}

async function requireOfStaff(required: boolean | null) {
	await h.db
		.update(organisations)
		.set({ staffSecondFactorRequired: required })
		.where(eq(organisations.id, orgId));
}

async function sessionsOf(userId: string) {
	return (await h.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

describe('a passkey as the staff second factor', () => {
	it('meets the requirement, as an authenticator app does', async () => {
		await requireOfStaff(true);
		try {
			const p = await makePerson(h.db, auth, { organisationId: orgId, roles: ['facilitator'] });
			const missing = () =>
				staffSecondFactorMissing(h.db, cfg, {
					organisationId: orgId,
					userId: p.id,
					twoFactorEnabled: false
				});
			expect(await missing()).toBe(true);
			expect(
				await staffSecondFactorMissing(h.db, cfg, {
					organisationId: orgId,
					userId: p.id,
					twoFactorEnabled: true
				})
			).toBe(false);
			await addPasskey(p.id);
			expect(await missing()).toBe(false);
		} finally {
			await requireOfStaff(null);
		}
	});

	it('then closes the password and the sign-in link: neither alone makes a session', async () => {
		await requireOfStaff(true);
		try {
			const p = await makePerson(h.db, auth, { organisationId: orgId, roles: ['admin'] });
			await addPasskey(p.id);
			// A wrong password says only that it is wrong, nothing about the passkey.
			expect((await signIn(p.email, 'a-wrong-password-here')).r).toEqual({ ok: false });
			const { b, r } = await signIn(p.email);
			expect(r).toEqual({ ok: 'passkey', locale: 'en' });
			expect(await auth.api.getSession({ headers: b.headers() })).toBeNull();
			expect(await sessionsOf(p.id)).toBe(0);

			// The library's own endpoint, which /api/auth/sign-in/email reaches, is refused too.
			const direct = browser();
			await expect(
				auth.api.signInEmail({
					body: { email: p.email, password: TEST_PASSWORD },
					headers: direct.headers()
				})
			).rejects.toMatchObject({ body: { code: 'FAILED_TO_CREATE_SESSION' } });
			expect(await sessionsOf(p.id)).toBe(0);

			// A sign-in link is one factor as well.
			const l = browser();
			await auth.api.signInMagicLink({
				body: {
					email: p.email,
					callbackURL: '/signed-in',
					errorCallbackURL: '/sign-in?error=link'
				},
				headers: l.headers()
			});
			const [mail] = await h.db
				.select()
				.from(emailOutbox)
				.where(eq(emailOutbox.toAddress, p.email))
				.orderBy(desc(emailOutbox.createdAt))
				.limit(1);
			const token = new URL(/https?:\/\/\S+/.exec(mail.textBody)![0]).searchParams.get('token')!;
			await auth.api
				.magicLinkVerify({
					query: { token, callbackURL: '/signed-in', errorCallbackURL: '/sign-in?error=link' },
					headers: l.headers()
				})
				.catch(() => undefined);
			expect(await auth.api.getSession({ headers: l.headers() })).toBeNull();
			expect(await sessionsOf(p.id)).toBe(0);
		} finally {
			await requireOfStaff(null);
		}
	});

	it('is an addition only where nothing is required, and for participants', async () => {
		const staff = await makePerson(h.db, auth, { organisationId: orgId, roles: ['facilitator'] });
		await addPasskey(staff.id);
		await requireOfStaff(false);
		try {
			expect((await signIn(staff.email)).r).toMatchObject({ ok: true });
			await requireOfStaff(true);
			const participant = await makePerson(h.db, auth, { organisationId: orgId });
			await addPasskey(participant.id);
			expect((await signIn(participant.email)).r).toMatchObject({ ok: true });
			expect((await signIn(staff.email)).r).toMatchObject({ ok: 'passkey' });
		} finally {
			await requireOfStaff(null);
		}
	});
});
