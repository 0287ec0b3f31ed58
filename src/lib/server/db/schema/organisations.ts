import {
	boolean,
	index,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

export const orgRole = pgEnum('org_role', ['admin', 'facilitator', 'participant']);
export type OrgRole = (typeof orgRole.enumValues)[number];

export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	/*
	 * ISO 3166-1 alpha-2 code of the country the organisation works in, set by an admin.
	 * Crisis panels show its lines to everyone who has not given a country of their own.
	 */
	country: text('country'),
	/*
	 * Whether admins and facilitators must have a second factor. Null follows the deployment:
	 * required when it runs in production or on https, not in the demo and the tests
	 * (ADR 029). An admin's choice is stored as true or false.
	 */
	staffSecondFactorRequired: boolean('staff_second_factor_required'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/*
 * Organisation-level roles. A person may hold several (an admin who also facilitates).
 * Cohort-level roles (facilitator or participant of one cohort) live with cohorts.
 * `peerTrainer` is the person's own choice to be known as a peer trainer with lived
 * experience; it never changes what a facilitator may do.
 */
export const memberships = pgTable(
	'memberships',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: orgRole('role').notNull(),
		peerTrainer: boolean('peer_trainer').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.userId, t.role] }),
		index('memberships_user_idx').on(t.userId)
	]
);
