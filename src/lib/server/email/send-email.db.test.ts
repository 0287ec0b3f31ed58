import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { startSmtpPeer } from '../../../../tests/support/smtp-peer.ts';
import { closeTransports, sendEmail } from './send-email.ts';
import { magicLinkEmail } from './templates.ts';

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

describe('sendEmail', () => {
	it('delivers through a real SMTP peer and records the delivery', async () => {
		const cfg = testConfig({ SMTP_URL: smtp.url });
		const msg = magicLinkEmail({
			to: 'olena@example.org',
			url: 'http://127.0.0.1:4999/x?token=abc',
			locale: 'uk'
		});
		const id = await sendEmail(h.db, cfg, msg);
		const mail = await smtp.waitFor('olena@example.org');
		expect(mail.subject).toBe(msg.subject);
		expect(mail.text).toContain('http://127.0.0.1:4999/x?token=abc');
		expect(mail.html).toContain('lang="uk"');
		const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
		expect(row.status).toBe('sent');
		expect(row.sentAt).not.toBeNull();
	});

	it('keeps the message with status failed when the server is unreachable', async () => {
		const cfg = testConfig({ SMTP_URL: 'smtp://127.0.0.1:1' });
		const id = await sendEmail(
			h.db,
			cfg,
			magicLinkEmail({ to: 'a@example.org', url: 'http://x', locale: 'en' })
		);
		const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
		expect(row.status).toBe('failed');
		expect(row.lastError).toBeTruthy();
	});

	it('stores the message in the outbox when no SMTP server is configured', async () => {
		const id = await sendEmail(
			h.db,
			testConfig(),
			magicLinkEmail({ to: 'b@example.org', url: 'http://y', locale: 'cs' })
		);
		const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
		expect(row.status).toBe('stored');
		expect(row.textBody).toContain('http://y');
	});
});
