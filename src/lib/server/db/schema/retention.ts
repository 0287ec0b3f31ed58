import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth.ts';
import { organisations } from './organisations.ts';

/*
 * How long the organisation keeps each kind of data (ADR 028), in whole months: live, workbook
 * and evaluation data from the end of the cohort, outbox messages from their sending, audit
 * events from the event. No row means the defaults in retention/retention-settings.queries.ts.
 * `updated_at` matters to the plan: after a change nothing is deleted for the notice period,
 * so admins can read the new plan before it acts.
 */
export const retentionSettings = pgTable(
	'retention_settings',
	{
		organisationId: uuid('organisation_id')
			.primaryKey()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		liveMonths: integer('live_months').notNull(),
		workbookMonths: integer('workbook_months').notNull(),
		evaluationMonths: integer('evaluation_months').notNull(),
		outboxMonths: integer('outbox_months').notNull(),
		auditMonths: integer('audit_months').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		check('retention_live_months', sql`${t.liveMonths} between 1 and 120`),
		check('retention_workbook_months', sql`${t.workbookMonths} between 1 and 120`),
		check('retention_evaluation_months', sql`${t.evaluationMonths} between 4 and 120`),
		check('retention_outbox_months', sql`${t.outboxMonths} between 1 and 120`),
		check('retention_audit_months', sql`${t.auditMonths} between 6 and 120`)
	]
);
