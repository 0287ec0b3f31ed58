import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { cohorts } from './cohorts.ts';
import { organisations, orgRole } from './organisations.ts';

/*
 * Its own file because it points at both organisations and cohorts: in organisations.ts it
 * made the schema's only import loop.
 */
export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: orgRole('role').notNull(),
		// Only a hash is stored: a leaked database must not hand out working invitation links.
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		locale: text('locale').notNull().default('en'),
		// Set when the invitation is to a cohort: accepting it also takes a place there.
		cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('invitations_org_email_idx').on(t.organisationId, t.email)]
);
