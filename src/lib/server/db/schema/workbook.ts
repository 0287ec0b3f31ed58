import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { cohorts } from './cohorts.ts';
import { liveAnswers } from './live.ts';

import type { MapSubject, Sharing, WorkbookKind } from '../../../workbook/kinds.ts';

export type { WorkbookKind };
export type WorkbookSharing = Sharing;

/*
 * A participant's own writing between (and in) sessions, one row per entry. Private by
 * default: only the owner reads a private entry, whatever their role; the use cases in
 * src/lib/server/workbook/ enforce that and nothing reads this table elsewhere. `version`
 * grows by one on every save, and a save names the version it was based on, so an entry
 * edited meanwhile on another device is never overwritten (ADR 022). `sourceAnswerId` links a
 * community-map tie to the live board note it came from, so a retried note adds one tie.
 */
export const workbookEntries = pgTable(
	'workbook_entries',
	{
		id: uuid('id').primaryKey(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		sessionNumber: integer('session_number').notNull(),
		kind: text('kind').$type<WorkbookKind>().notNull(),
		fields: jsonb('fields').$type<Record<string, string>>().notNull(),
		sharing: text('sharing').$type<WorkbookSharing>().notNull().default('private'),
		sharedAt: timestamp('shared_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		sourceAnswerId: uuid('source_answer_id')
			.unique()
			.references(() => liveAnswers.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('workbook_entries_owner_idx').on(t.cohortId, t.userId, t.sessionNumber),
		index('workbook_entries_shared_idx').on(t.cohortId, t.sharing)
	]
);

/*
 * Who opened a shared entry, shown to its owner. Kept after the entry is withdrawn, so the
 * owner still knows who had read it; deleted with the entry.
 */
export const workbookEntryViews = pgTable(
	'workbook_entry_views',
	{
		entryId: uuid('entry_id')
			.notNull()
			.references(() => workbookEntries.id, { onDelete: 'cascade' }),
		viewerId: text('viewer_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }).notNull().defaultNow(),
		lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.entryId, t.viewerId] })]
);

/* A copy of a person's community map at one moment, to compare before and after the course. */
export const workbookMapSnapshots = pgTable(
	'workbook_map_snapshots',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		ties: jsonb('ties').$type<Record<string, string>[]>().notNull(),
		// Whom the map described when the snapshot was kept (the person or a fictional one).
		subject: text('subject').$type<MapSubject>().notNull().default('self'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('workbook_map_snapshots_owner_idx').on(t.cohortId, t.userId)]
);

/*
 * A person's workbook choices per cohort: the reminder email before each session is opt-in;
 * the community map is about the person unless they choose a fictional person.
 */
export const workbookPreferences = pgTable(
	'workbook_preferences',
	{
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		remindBeforeSession: boolean('remind_before_session').notNull().default(false),
		mapSubject: text('map_subject').$type<MapSubject>().notNull().default('self')
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.userId] })]
);
