import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { organisations } from './organisations.ts';

/*
 * Where a person can turn in a crisis, per country. In 2019 people in the Netherlands died
 * after calling a helpline number that was not yet in service; the wrong number had spread
 * even among professionals. So every entry says when it was last checked and by whom, and
 * pages show that date next to the number instead of presenting it as timeless fact.
 *
 * `locale` is the language the entry's words are written in; the number itself is useful to
 * anyone in that country, so pages list every entry of the viewer's countries (their own and
 * the organisation's, never others) whatever the viewer's language.
 */
export const crisisResources = pgTable(
	'crisis_resources',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		country: text('country').notNull(),
		locale: text('locale').notNull(),
		name: text('name').notNull(),
		phone: text('phone'),
		chatUrl: text('chat_url'),
		hours: text('hours').notNull().default(''),
		notes: text('notes').notNull().default(''),
		sourceUrl: text('source_url'),
		lastVerifiedAt: date('last_verified_at', { mode: 'string' }).notNull(),
		verifiedBy: text('verified_by').notNull(),
		position: integer('position').notNull().default(0),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('crisis_resources_org_country_idx').on(t.organisationId, t.country)]
);
