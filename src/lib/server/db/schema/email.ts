import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const emailStatus = pgEnum('email_status', ['stored', 'queued', 'sent', 'failed']);

/*
 * Every email Trellis writes is kept here with its delivery state. Without SMTP_URL the
 * outbox is the delivery ("stored"), so admins can read sign-in links in the demo.
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		index('email_outbox_created_idx').on(t.createdAt),
		index('email_outbox_cohort_idx').on(t.cohortId)
	]
);
