import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { emailOutbox, enrolments, invitations, memberships, users } from '../db/schema/index.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { inviteToCohort } from '../enrolment/invite-to-cohort.ts';
import { hashToken } from '../security/tokens.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeOrganisation, makePerson, TEST_PASSWORD, uniqueEmail } from '../testing/factories.ts';
import { inviteMember } from './invite-member.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { cancelInvitation } from './cancel-invitation.ts';
import { changeRole } from './change-role.ts';
import { hit } from '../security/rate-limit.ts';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	await h?.close();
});

function tokenFrom(url: string) {
	return url.split('/invitations/')[1];
}

describe('invitations', () => {
	it('emails a localised invitation and creates the account on acceptance', async () => {
		const org = await makeOrganisation(h.db);
		const email = uniqueEmail('invitee');
		const r = await inviteMember(h.db, cfg, {
			organisation: org,
			email: email.toUpperCase(),
			role: 'facilitator',
			locale: 'uk',
			invitedBy: null
		});
		expect(r.ok).toBe(true);
		const [mail] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
		expect(mail.status).toBe('stored');
		expect(mail.locale).toBe('uk');
		expect(mail.subject).toContain('Trellis');
		expect(mail.subject).not.toMatch(/You are invited/); // written in Ukrainian, not English
		if (!r.ok) return;
		expect(mail.textBody).toContain(r.url);

		const accepted = await acceptInvitation(h.db, auth, cfg, {
			token: tokenFrom(r.url),
			name: 'Olena',
			password: TEST_PASSWORD,
			locale: 'uk',
			timeZone: 'Europe/Kyiv'
		});
		expect(accepted).toMatchObject({ ok: true, created: true, email });
		const [u] = await h.db.select().from(users).where(eq(users.email, email));
		expect(u).toMatchObject({ name: 'Olena', locale: 'uk', timeZone: 'Europe/Kyiv' });
		const roles = await h.db.select().from(memberships).where(eq(memberships.userId, u.id));
		expect(roles.map((x) => x.role)).toEqual(['facilitator']);

		const signIn = await auth.api.signInEmail({ body: { email, password: TEST_PASSWORD } });
		expect(signIn.user.email).toBe(email);
	});

	it('accepts a token once only', async () => {
		const org = await makeOrganisation(h.db);
		const r = await inviteMember(h.db, cfg, {
			organisation: org,
			email: uniqueEmail(),
			role: 'participant',
			locale: 'en',
			invitedBy: null
		});
		if (!r.ok) throw new Error('invite failed');
		const input = {
			token: tokenFrom(r.url),
			name: 'Mira',
			password: TEST_PASSWORD,
			locale: 'en',
			timeZone: 'UTC'
		};
		const [a, b] = await Promise.all([
			acceptInvitation(h.db, auth, cfg, input),
			acceptInvitation(h.db, auth, cfg, input)
		]);
		expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
	});

	it('an invitation to a cohort creates account, role and place in one transaction, or nothing', async () => {
		const { cohort, lead } = await makeCohort(h.db, { cfg, auth });
		const invite = async () => {
			const r = await inviteToCohort(h.db, cfg, {
				cohortId: cohort.id,
				email: uniqueEmail('cohort-invitee'),
				locale: 'cs',
				invitedBy: lead.id
			});
			if (!r.ok) throw new Error('invite failed');
			return tokenFrom(r.url);
		};
		const input = {
			name: 'Jana',
			password: TEST_PASSWORD,
			locale: 'cs',
			timeZone: 'Europe/Prague'
		};

		// The place cannot be taken (a fault injected in the database): nothing else stays.
		const failing = await invite();
		await h.db.execute(
			sql.raw(`create function refuse_place() returns trigger language plpgsql as $$
				begin raise exception 'no place today'; end $$;
				create trigger refuse_place before insert on enrolments for each row
				when (new.cohort_id = '${cohort.id}') execute function refuse_place();`)
		);
		await expect(acceptInvitation(h.db, auth, cfg, { ...input, token: failing })).rejects.toThrow();
		await h.db.execute(
			sql.raw(`drop trigger refuse_place on enrolments; drop function refuse_place();`)
		);
		const [inv] = await h.db
			.select()
			.from(invitations)
			.where(eq(invitations.tokenHash, hashToken(failing)));
		expect(inv.acceptedAt).toBeNull();
		expect(await h.db.select().from(users).where(eq(users.email, inv.email))).toHaveLength(0);

		// The same link works afterwards, and now everything is there at once.
		const r = await acceptInvitation(h.db, auth, cfg, { ...input, token: failing });
		expect(r).toMatchObject({ ok: true, created: true, place: { ok: true, status: 'enrolled' } });
		if (!r.ok) return;
		const [place] = await h.db
			.select()
			.from(enrolments)
			.where(and(eq(enrolments.userId, r.userId), eq(enrolments.cohortId, cohort.id)));
		expect(place.status).toBe('enrolled');
		const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, inv.email));
		expect(mails.map((x) => x.kind).sort()).toEqual(['cohort-invitation', 'enrolled']);
		const signIn = await auth.api.signInEmail({
			body: { email: inv.email, password: TEST_PASSWORD }
		});
		expect(signIn.user.email).toBe(inv.email);
	});

	it('refuses withdrawn, expired and unknown invitations', async () => {
		const org = await makeOrganisation(h.db);
		const now = new Date();
		const withdrawn = await inviteMember(h.db, cfg, {
			organisation: org,
			email: uniqueEmail(),
			role: 'participant',
			locale: 'en',
			invitedBy: null
		});
		if (!withdrawn.ok) throw new Error('invite failed');
		const [row] = await h.db
			.select()
			.from(invitations)
			.where(eq(invitations.organisationId, org.id));
		await cancelInvitation(h.db, { organisationId: org.id, id: row.id, now });
		const base = { name: 'X', password: TEST_PASSWORD, locale: 'en', timeZone: 'UTC' };
		expect(
			await acceptInvitation(h.db, auth, cfg, { ...base, token: tokenFrom(withdrawn.url) })
		).toEqual({
			ok: false,
			reason: 'invalid'
		});

		const old = await inviteMember(h.db, cfg, {
			organisation: org,
			email: uniqueEmail(),
			role: 'participant',
			locale: 'en',
			invitedBy: null,
			now: new Date(now.getTime() - 15 * 24 * 3600 * 1000)
		});
		if (!old.ok) throw new Error('invite failed');
		expect(
			(await acceptInvitation(h.db, auth, cfg, { ...base, token: tokenFrom(old.url) })).ok
		).toBe(false);
		expect((await acceptInvitation(h.db, auth, cfg, { ...base, token: 'not-a-token' })).ok).toBe(
			false
		);
	});

	it('does not invite a person to a role they already hold', async () => {
		const org = await makeOrganisation(h.db);
		const p = await makePerson(h.db, auth, { organisationId: org.id, roles: ['facilitator'] });
		const before = await h.db.select({ n: count() }).from(emailOutbox);
		const r = await inviteMember(h.db, cfg, {
			organisation: org,
			email: p.email,
			role: 'facilitator',
			locale: 'en',
			invitedBy: null
		});
		expect(r).toEqual({ ok: false, reason: 'already-member' });
		const after = await h.db.select({ n: count() }).from(emailOutbox);
		expect(after[0].n).toBe(before[0].n);
	});
});

describe('roles', () => {
	it('keeps at least one admin and manages only members', async () => {
		const org = await makeOrganisation(h.db);
		const admin = await makePerson(h.db, auth, { organisationId: org.id, roles: ['admin'] });
		expect(
			await changeRole(h.db, {
				organisationId: org.id,
				userId: admin.id,
				role: 'admin',
				action: 'remove',
				by: admin.id
			})
		).toEqual({ ok: false, reason: 'last-admin' });
		const other = await makePerson(h.db, auth, { organisationId: org.id, roles: ['facilitator'] });
		expect(
			await changeRole(h.db, {
				organisationId: org.id,
				userId: other.id,
				role: 'admin',
				action: 'add',
				by: admin.id
			})
		).toEqual({ ok: true });
		expect(
			await changeRole(h.db, {
				organisationId: org.id,
				userId: admin.id,
				role: 'admin',
				action: 'remove',
				by: admin.id
			})
		).toEqual({ ok: true });
		expect(
			await changeRole(h.db, {
				organisationId: org.id,
				userId: 'nobody',
				role: 'admin',
				action: 'add',
				by: admin.id
			})
		).toEqual({ ok: false, reason: 'not-member' });
	});
});

describe('sign-in', () => {
	it('rejects a wrong password', async () => {
		const org = await makeOrganisation(h.db);
		const p = await makePerson(h.db, auth, { organisationId: org.id });
		await expect(
			auth.api.signInEmail({ body: { email: p.email, password: 'wrong-password-123' } })
		).rejects.toThrow();
	});

	it('sends a one-time magic link to existing accounts only', async () => {
		const org = await makeOrganisation(h.db);
		const p = await makePerson(h.db, auth, { organisationId: org.id, locale: 'cs' });
		await auth.api.signInMagicLink({
			body: { email: p.email, callbackURL: '/' },
			headers: new Headers()
		});
		const [mail] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, p.email));
		expect(mail.kind).toBe('magic-link');
		expect(mail.locale).toBe('cs');
		const link = mail.textBody.match(/https?:\/\/\S+/)![0];

		const first = await auth.handler(new Request(link));
		expect(first.status).toBe(302);
		expect(first.headers.get('set-cookie')).toMatch(/trellis\.session_token=/);
		expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
		expect(first.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
		const second = await auth.handler(new Request(link));
		expect(second.headers.get('location')).toMatch(/error/i);

		const stranger = uniqueEmail('stranger');
		await auth.api.signInMagicLink({
			body: { email: stranger, callbackURL: '/' },
			headers: new Headers()
		});
		const none = await h.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, stranger));
		expect(none).toHaveLength(0);
	});
});

describe('rate limit', () => {
	it('allows max hits per window and then refuses, per key', async () => {
		const key = `t:${Math.random()}`;
		const now = Date.now();
		const results = [];
		for (let i = 0; i < 6; i++) results.push(await hit(h.db, key, { max: 5, windowS: 60 }, now));
		expect(results).toEqual([true, true, true, true, true, false]);
		expect(await hit(h.db, `${key}-other`, { max: 5, windowS: 60 }, now)).toBe(true);
		expect(await hit(h.db, key, { max: 5, windowS: 60 }, now + 61_000)).toBe(true);
	});
});
