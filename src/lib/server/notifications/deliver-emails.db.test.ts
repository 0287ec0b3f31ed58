import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, inArray } from 'drizzle-orm';
import { createAuth } from '../auth/auth.ts';
import { openDb, type DbHandle } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeOrganisation, makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { startSmtpPeer } from '../../../../tests/support/smtp-peer.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { cancelCohort } from '../cohorts/cancel-cohort.ts';
import { closeTransports, deliverDueEmails, MAX_ATTEMPTS } from './deliver-emails.ts';
import { enqueueEmail, SECRET_LINK } from './enqueue-email.ts';
import { claimDueEmails } from './outbox.queries.ts';
import { magicLinkEmail } from './templates/sign-in-link.ts';

const PROD_SECRET = 'a-production-secret-of-at-least-thirty-two-chars';
let h: DbHandle;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;

beforeAll(async () => {
	h = await createTestDb();
	smtp = await startSmtpPeer();
});
afterAll(async () => {
	closeTransports();
	await smtp?.close();
	await h?.close();
});

const rowsOf = (ids: string[]) =>
	h.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
const receivedBy = (to: string) =>
	smtp.received.filter((m) => JSON.stringify(m.to ?? '').includes(to));

describe('the outbox is the queue', () => {
	it('an email is written with its change, sent afterwards, and its secret link is kept only until then', async () => {
		const cfg = testConfig({ SMTP_URL: smtp.url });
		const url = 'http://127.0.0.1:4999/api/auth/magic-link/verify?token=abc&x=1';
		const id = await enqueueEmail(
			h.db,
			cfg,
			magicLinkEmail({ to: 'olena@example.org', url, locale: 'uk' })
		);
		let [row] = await rowsOf([id]);
		expect(row.status).toBe('queued');
		expect(row.textBody).not.toContain('token=abc');
		expect(row.htmlBody).not.toContain('token=abc');
		expect(row.textBody).toContain(SECRET_LINK);
		expect(receivedBy('olena@example.org')).toHaveLength(0);

		expect(await deliverDueEmails(h.db, cfg)).toBeGreaterThanOrEqual(1);
		const mail = await smtp.waitFor('olena@example.org');
		expect(mail.text).toContain(url);
		expect(mail.html).toContain('token=abc&amp;x=1');
		expect(mail.html).toContain('lang="uk"');
		expect(mail.messageId).toContain(id);
		[row] = await rowsOf([id]);
		expect(row.status).toBe('sent');
		expect(row.secretUrl).toBeNull();
		expect(row.textBody).not.toContain('token=abc');
	});

	it('a failed delivery is retried with backoff, then marked failed', async () => {
		const cfg = testConfig({ SMTP_URL: 'smtp://127.0.0.1:1' });
		const id = await enqueueEmail(
			h.db,
			cfg,
			magicLinkEmail({ to: 'a@example.org', url: 'http://x/?token=t', locale: 'en' })
		);
		// A second on: the row is due from the database's now(), in microseconds, which can fall
		// after a JavaScript Date taken in the same millisecond.
		let clock = new Date(Date.now() + 1000);
		await deliverDueEmails(h.db, cfg, { now: () => clock });
		let [row] = await rowsOf([id]);
		expect(row.status).toBe('queued');
		expect(row.attempts).toBe(1);
		expect(row.lastError).toBeTruthy();
		expect(row.nextAttemptAt.getTime()).toBeGreaterThan(clock.getTime());
		for (let i = 1; i < MAX_ATTEMPTS; i++) {
			clock = new Date(row.nextAttemptAt.getTime() + 1);
			await deliverDueEmails(h.db, cfg, { now: () => clock });
			[row] = await rowsOf([id]);
		}
		expect(row.status).toBe('failed');
		expect(row.attempts).toBe(MAX_ATTEMPTS);
		expect(row.secretUrl).toBeNull();
	});

	it('without SMTP the demo keeps links readable; in production nobody can read them', async () => {
		const url = 'http://y/?token=demo';
		const demo = await enqueueEmail(
			h.db,
			testConfig(),
			magicLinkEmail({ to: 'b@example.org', url, locale: 'cs' })
		);
		const prod = await enqueueEmail(
			h.db,
			testConfig({ NODE_ENV: 'production', AUTH_SECRET: PROD_SECRET }),
			magicLinkEmail({ to: 'c@example.org', url, locale: 'cs' })
		);
		const rows = await rowsOf([demo, prod]);
		const d = rows.find((r) => r.id === demo)!;
		const p = rows.find((r) => r.id === prod)!;
		expect(d.status).toBe('stored');
		expect(d.textBody).toContain(url);
		expect(p.status).toBe('stored');
		expect(p.textBody).not.toContain('token=demo');
		expect(p.htmlBody).not.toContain('token=demo');
		expect(p.secretUrl).toBeNull();
	});
});

describe('the outbox never hands an admin a way in', () => {
	it('a sign-in link asked for in production, read from the outbox, signs nobody in', async () => {
		const cfg = testConfig({
			NODE_ENV: 'production',
			AUTH_SECRET: PROD_SECRET,
			SMTP_URL: smtp.url
		});
		const auth = createAuth(h.db, cfg);
		const org = await makeOrganisation(h.db);
		const person = await makePerson(h.db, auth, { organisationId: org.id, roles: ['participant'] });
		await auth.api.signInMagicLink({
			body: { email: person.email, callbackURL: '/signed-in' },
			headers: new Headers({ origin: cfg.origin })
		});
		const [row] = await h.db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, person.email))
			.orderBy(desc(emailOutbox.createdAt))
			.limit(1);
		expect(row.kind).toBe('magic-link');
		// What an admin reads: bodies without any token; nothing in them signs anyone in.
		const stored = `${row.textBody}\n${row.htmlBody}`;
		expect(stored).not.toMatch(/token=/);
		for (const [candidate] of stored.matchAll(/https?:\/\/[^\s"<]+/g)) {
			const token = new URL(candidate.replaceAll('&amp;', '&')).searchParams.get('token') ?? 'none';
			await expect(
				auth.api.magicLinkVerify({ query: { token }, headers: new Headers() })
			).rejects.toThrow();
		}
		// The person, and only the person, gets the working link.
		await deliverDueEmails(h.db, cfg);
		const mail = await smtp.waitFor(person.email);
		const link = /https?:\/\/\S+token=\S+/.exec(mail.text ?? '')![0];
		expect(new URL(link).searchParams.get('token')).toBeTruthy();
		const [after] = await rowsOf([row.id]);
		expect(after.secretUrl).toBeNull();
	});
});

describe('a crash between the change and the send', () => {
	it('loses no email and sends none twice, across a restart and two workers', async () => {
		const cfg = testConfig({ SMTP_URL: smtp.url });
		const { cohort, lead, peer, auth } = await makeCohort(h.db, { cfg });
		const people = [];
		for (let i = 0; i < 3; i++) {
			const p = await makePerson(h.db, auth, {
				organisationId: cohort.organisationId,
				roles: ['participant']
			});
			people.push(p);
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: p.id, via: 'invitation' });
		}
		// The change commits; the process dies before any delivery ran (nothing was sent).
		await cancelCohort(h.db, cfg, cohort.id);
		const queued = await h.db.select().from(emailOutbox).where(eq(emailOutbox.cohortId, cohort.id));
		const cancelled = queued.filter((r) => r.kind === 'cohort-cancelled');
		expect(cancelled).toHaveLength(5);
		expect(cancelled.every((r) => r.status === 'queued')).toBe(true);
		const everyone = [...people.map((p) => p.email), lead.email, peer.email];
		for (const to of everyone) expect(receivedBy(to)).toHaveLength(0);

		// One worker claimed two of them and died mid-delivery, before sending.
		const dead = await claimDueEmails(h.db, new Date(), 60_000, 2);
		expect(dead).toHaveLength(2);

		// "Restart": two instances with their own pools deliver side by side.
		const a = await openDb(h.url, { migrate: false, max: 2 });
		const b = await openDb(h.url, { migrate: false, max: 2 });
		await Promise.all([deliverDueEmails(a.db, cfg), deliverDueEmails(b.db, cfg)]);
		// The dead worker's claim runs out; then its two go out too, once.
		const later = () => new Date(Date.now() + 120_000);
		await Promise.all([
			deliverDueEmails(a.db, cfg, { now: later }),
			deliverDueEmails(b.db, cfg, { now: later })
		]);
		await a.close();
		await b.close();

		for (const to of everyone) {
			const subjects = receivedBy(to).map((m) => m.subject);
			expect(subjects.filter((s) => s?.includes(cohort.name))).toHaveLength(
				people.some((p) => p.email === to) ? 2 : 1
			);
		}
		const after = await rowsOf(queued.map((r) => r.id));
		expect(after.every((r) => r.status === 'sent')).toBe(true);
	});

	it('a change that rolls back leaves no email', async () => {
		const cfg = testConfig({ SMTP_URL: smtp.url });
		const before = (await h.db.select({ id: emailOutbox.id }).from(emailOutbox)).length;
		await h.db
			.transaction(async (tx) => {
				await enqueueEmail(
					tx,
					cfg,
					magicLinkEmail({ to: 'z@example.org', url: 'http://z', locale: 'en' })
				);
				throw new Error('the change failed');
			})
			.catch(() => {});
		expect((await h.db.select({ id: emailOutbox.id }).from(emailOutbox)).length).toBe(before);
	});
});
