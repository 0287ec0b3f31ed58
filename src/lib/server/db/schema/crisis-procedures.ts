import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { organisations } from './organisations.ts';

/*
 * What this organisation's facilitators do when someone is in crisis during a session: who to
 * call and what to do, filled in once by an admin and shown in every facilitator guide and on
 * the live console. One row per organisation (ADR 024). The text is the organisation's own,
 * in the language its facilitators work in; it may name staff and their phone numbers, so it
 * is shown to facilitators and admins only (docs/personal-data.md).
 */
export const crisisProcedures = pgTable('crisis_procedures', {
	organisationId: uuid('organisation_id')
		.primaryKey()
		.references(() => organisations.id, { onDelete: 'cascade' }),
	/** Who to call, in order: roles, names, phone numbers, hours. */
	whoToCall: text('who_to_call').notNull(),
	/** What to do, step by step, while the session goes on. */
	whatToDo: text('what_to_do').notNull(),
	/** After the session: who is told, what is written down, the debrief. */
	afterwards: text('afterwards').notNull().default(''),
	updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
