import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { cohorts } from './cohorts.ts';

/*
 * The audit of sensitive access (issue #16): who read, exported or changed what about whom,
 * and when. It never holds the content itself: `target` names the kind of data or the item
 * (`access-needs`, `workbook-entry:<id>`, `report:group`), `reason` is only the reason an
 * admin gave for an erasure or a revocation. Each person can read the rows where they are the
 * subject; admins read all of them.
 *
 * People stay referenced (not copied by name) so that erasing an account leaves the fact of
 * an access or an erasure but not who it was about (`on delete set null`).
 * `dedupe_key` makes repeated reads of the same thing by the same person on the same day one
 * row (a facilitator who reloads the manage page is not twenty events); writes leave it null.
 */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
		// The role the actor acted in ('admin', 'facilitator', 'participant', 'system').
		actorRole: text('actor_role').notNull(),
		subjectId: text('subject_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		target: text('target'),
		reason: text('reason'),
		dedupeKey: text('dedupe_key').unique()
	},
	(t) => [
		index('audit_events_subject_at_idx').on(t.subjectId, t.at),
		index('audit_events_at_idx').on(t.at)
	]
);
