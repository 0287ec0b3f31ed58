import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth.ts';
import { courseVersions } from './courses.ts';
import { organisations } from './organisations.ts';

export type CompletionRule = { minPresent: number; required: number[] };

/*
 * One group running the course: a pinned course version, its four dated sessions, its
 * facilitators and its participants. Editing the course files later never changes it.
 */
export const cohorts = pgTable('cohorts', {
	id: uuid('id').primaryKey().defaultRandom(),
	organisationId: uuid('organisation_id')
		.notNull()
		.references(() => organisations.id, { onDelete: 'cascade' }),
	courseVersionId: uuid('course_version_id')
		.notNull()
		.references(() => courseVersions.id),
	name: text('name').notNull(),
	locale: text('locale').notNull(),
	timeZone: text('time_zone').notNull(),
	capacity: integer('capacity').notNull().default(18),
	/*
	 * The shareable join link's token, kept readable so facilitators can copy the link at any
	 * time. It only lets someone ask for a place (or a waiting-list place); facilitators can
	 * replace it, which stops the old link, or switch the link off (null).
	 */
	joinToken: text('join_token').unique(),
	joinNeedsApproval: boolean('join_needs_approval').notNull().default(false),
	completionRule: jsonb('completion_rule')
		.$type<CompletionRule>()
		.notNull()
		.default({ minPresent: 3, required: [] }),
	createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	cancelledAt: timestamp('cancelled_at', { withTimezone: true })
});

export const videoKind = pgEnum('video_kind', ['none', 'jitsi', 'bbb', 'link']);

export const cohortSessions = pgTable(
	'cohort_sessions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		videoKind: videoKind('video_kind').notNull().default('none'),
		videoUrl: text('video_url'),
		videoRoom: text('video_room'),
		// BigBlueButton shared secret / Jitsi app secret: needed to sign join links server-side.
		videoSecret: text('video_secret'),
		// Calendar SEQUENCE: bumped on every date change so calendars replace the old event.
		sequence: integer('sequence').notNull().default(0),
		/*
		 * When the current date was set (the cohort created, or the session last moved). A
		 * reminder is due only if this is before its window opened: a session scheduled at
		 * short notice gets no "in one hour" email about a date people were just told.
		 */
		scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull().defaultNow(),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(t) => [
		unique('cohort_sessions_cohort_number').on(t.cohortId, t.number),
		index('cohort_sessions_starts_idx').on(t.startsAt)
	]
);

/* Facilitators of one cohort, with equal rights; `peerTrainer` is their own choice to show. */
export const cohortFacilitators = pgTable(
	'cohort_facilitators',
	{
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		peerTrainer: boolean('peer_trainer').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.userId] })]
);

export const enrolmentStatus = pgEnum('enrolment_status', [
	'pending',
	'enrolled',
	'waitlisted',
	'left',
	'declined',
	'refused'
]);
export type EnrolmentStatus = (typeof enrolmentStatus.enumValues)[number];

export const background = pgEnum('background', [
	'professional',
	'volunteer',
	'lived_experience',
	'family',
	'prefer_not_to_say'
]);
export type Background = (typeof background.enumValues)[number];
export const visibility = pgEnum('visibility', ['nobody', 'facilitators', 'cohort']);
export type Visibility = (typeof visibility.enumValues)[number];

/*
 * A person's place in a cohort. `seq` is a strictly increasing number assigned at insert:
 * the waitlist is served in its order, so the first to ask is the first promoted.
 */
export const enrolments = pgTable(
	'enrolments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seq: bigserial('seq', { mode: 'number' }).notNull(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: enrolmentStatus('status').notNull(),
		displayName: text('display_name'),
		pronouns: text('pronouns'),
		background: background('background'),
		backgroundVisibility: visibility('background_visibility').notNull().default('nobody'),
		accessNeeds: text('access_needs'),
		/*
		 * When the person gave explicit consent to keep the special-category fields above
		 * (background, access needs); null: not given or withdrawn, and then both are empty.
		 */
		specialCategoryConsentAt: timestamp('special_category_consent_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('enrolments_cohort_user').on(t.cohortId, t.userId),
		index('enrolments_cohort_status_seq_idx').on(t.cohortId, t.status, t.seq)
	]
);

export const attendanceStatus = pgEnum('attendance_status', [
	'present',
	'late',
	'left_early',
	'excused',
	'absent'
]);
export type AttendanceStatus = (typeof attendanceStatus.enumValues)[number];

export const attendance = pgTable(
	'attendance',
	{
		cohortSessionId: uuid('cohort_session_id')
			.notNull()
			.references(() => cohortSessions.id, { onDelete: 'cascade' }),
		enrolmentId: uuid('enrolment_id')
			.notNull()
			.references(() => enrolments.id, { onDelete: 'cascade' }),
		status: attendanceStatus('status').notNull(),
		// 'room' when recorded by joining the live room, 'facilitator' after a correction.
		source: text('source').notNull(),
		firstJoinedAt: timestamp('first_joined_at', { withTimezone: true }),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.cohortSessionId, t.enrolmentId] })]
);

/*
 * One row per notification that must go out at most once (a reminder, a promotion notice).
 * The unique key is what makes a reminder exactly-once: two app instances, a retried job or
 * a restart all try the same insert, and only one of them wins.
 */
export const notifications = pgTable(
	'notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		key: text('key').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
		emailId: uuid('email_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('notifications_key').on(t.key),
		index('notifications_cohort_idx').on(t.cohortId)
	]
);

/* A private, revocable calendar subscription URL per person (only its hash is kept). */
export const calendarFeeds = pgTable(
	'calendar_feeds',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [
		index('calendar_feeds_user_idx')
			.on(t.userId)
			.where(sql`revoked_at is null`)
	]
);
