import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const emailStatus = pgEnum('email_status', [
	'stored',
	'queued',
	'sent',
	'failed',
	'sending'
]);

/*
 * Every email Trellis writes is kept here with its delivery state, and the row is the job:
 * it is written in the same transaction as the change that causes it, and a worker delivers
 * "queued" rows (notifications/deliver-emails.ts, ADR 020). Without SMTP_URL the outbox is the
 * delivery ("stored"), so admins can read sign-in links in the zero-setup demo.
 */
export const emailOutbox = pgTable(
	'email_outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body'),
		// Kept with the message so the outbox shows (and could resend) exactly what went out.
		attachments:
			jsonb('attachments').$type<{ filename: string; content: string; contentType: string }[]>(),
		cohortId: uuid('cohort_id'),
		kind: text('kind').notNull(),
		locale: text('locale').notNull(),
		status: emailStatus('status').notNull(),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		// A link that acts for the recipient (sign-in, password reset, invitation) is kept out of
		// the bodies (they hold a placeholder) and only until delivery; `secretViewer` (the inviter
		// of an invitation) may still read it, nobody else.
		secretUrl: text('secret_url'),
		secretViewer: text('secret_viewer'),
		// When a queued row may next be tried, and until when a worker that claimed it owns it.
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		claimedUntil: timestamp('claimed_until', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		index('email_outbox_created_idx').on(t.createdAt),
		index('email_outbox_cohort_idx').on(t.cohortId),
		index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)
	]
);
