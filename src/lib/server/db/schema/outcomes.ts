import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth.ts';
import { cohorts, cohortSessions, enrolments } from './cohorts.ts';
import { organisations } from './organisations.ts';

/*
 * Outcomes (ADR 023): certificates, the feedback pulse after each session and the pre/post
 * evaluation. The answers of the pulse and of the evaluation are kept in tables that hold no
 * person id and no time; who has answered (for once-only and reminders) is kept apart, in
 * tables that hold no answers.
 */

/* The organisation's Ed25519 key that signs its credentials; the public half is its did:web. */
export const credentialKeys = pgTable('credential_keys', {
	organisationId: uuid('organisation_id')
		.primaryKey()
		.references(() => organisations.id, { onDelete: 'cascade' }),
	kid: text('kid').notNull(),
	publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
	privateJwk: jsonb('private_jwk').$type<Record<string, string>>().notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/* What the certificate states, fixed when it is issued: the PDF, the credential and the
 * verification page all print these facts and nothing else. */
export type CertificateFacts = {
	courseSlug: string;
	courseVersion: number;
	/* The course's title in every language of the package, so each rendering names it. */
	courseTitle: Record<string, string>;
	organisation: string;
	/* The four session dates (start and end, ISO), in session order. */
	sessions: { number: number; startsAt: string; endsAt: string }[];
	minutesAttended: number;
	sessionsAttended: number;
	facilitators: string[];
	timeZone: string;
};

/*
 * One certificate for one enrolment. `code` is the unguessable part of its verification
 * address; `statusIndex` is its bit in the organisation's revocation status list. An enrolment
 * has at most one certificate that is not revoked; a revoked one stays, so its address keeps
 * saying "revoked".
 */
export const certificates = pgTable(
	'certificates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		/*
		 * Null once the person's account is erased (ADR 026): a certificate they chose to keep
		 * verifiable, or a revoked one whose status bit must stay set, outlives the enrolment.
		 */
		enrolmentId: uuid('enrolment_id').references(() => enrolments.id, { onDelete: 'set null' }),
		code: text('code').notNull().unique(),
		statusIndex: serial('status_index').notNull().unique(),
		/* The name the participant chose to be printed; a legal name is never required. */
		nameOnCertificate: text('name_on_certificate').notNull(),
		facts: jsonb('facts').$type<CertificateFacts>().notNull(),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		/* Null when issued automatically on completion. */
		issuedBy: text('issued_by').references(() => users.id, { onDelete: 'set null' }),
		issueReason: text('issue_reason'),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokedBy: text('revoked_by').references(() => users.id, { onDelete: 'set null' }),
		revokeReason: text('revoke_reason')
	},
	(t) => [
		uniqueIndex('certificates_one_valid_per_enrolment')
			.on(t.enrolmentId)
			.where(sql`revoked_at is null`),
		index('certificates_cohort_idx').on(t.cohortId)
	]
);

/*
 * The feedback pulse after a session. No person id, no time: the only link to anybody is
 * the session. Values are 1–5 (null: prefer not to answer); pace is 1 too slow, 2 right,
 * 3 too fast.
 */
export const pulseAnswers = pgTable(
	'pulse_answers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cohortSessionId: uuid('cohort_session_id')
			.notNull()
			.references(() => cohortSessions.id, { onDelete: 'cascade' }),
		useful: smallint('useful'),
		pace: smallint('pace'),
		ableToPass: smallint('able_to_pass'),
		safeToShare: smallint('safe_to_share'),
		comment: text('comment')
	},
	(t) => [
		index('pulse_answers_session_idx').on(t.cohortSessionId),
		check('pulse_useful_range', sql`${t.useful} between 1 and 5`),
		check('pulse_pace_range', sql`${t.pace} between 1 and 3`),
		check('pulse_pass_range', sql`${t.ableToPass} between 1 and 5`),
		check('pulse_safe_range', sql`${t.safeToShare} between 1 and 5`),
		check('pulse_comment_length', sql`char_length(${t.comment}) <= 2000`)
	]
);

/* Who has answered a session's pulse (so nobody answers twice); it holds no answers. */
export const pulseRespondents = pgTable(
	'pulse_respondents',
	{
		cohortSessionId: uuid('cohort_session_id')
			.notNull()
			.references(() => cohortSessions.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.cohortSessionId, t.userId] })]
);

/*
 * One pre or post questionnaire response. `pseudonym` = HMAC(secret key outside the
 * database, person + cohort): the same person's pre and post share it, and nothing in the
 * database turns it back into a person. No person id, no time.
 */
export const evaluationResponses = pgTable(
	'evaluation_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		phase: text('phase').notNull(),
		questionnaire: text('questionnaire').notNull(),
		pseudonym: text('pseudonym').notNull(),
		/* item id → answer (a number on a scale, an option id, text); absent: not answered. */
		answers: jsonb('answers').$type<Record<string, string | number>>().notNull()
	},
	(t) => [
		unique('evaluation_responses_once').on(t.cohortId, t.phase, t.pseudonym),
		check('evaluation_phase', sql`${t.phase} in ('pre', 'post')`)
	]
);

/* Who has responded (for once-only and reminders); it holds no answers and no pseudonym. */
export const evaluationRespondents = pgTable(
	'evaluation_respondents',
	{
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		phase: text('phase').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.phase, t.userId] })]
);

/* A published instrument an admin loaded; usable only once permission is confirmed. */
export const instrumentPacks = pgTable(
	'instrument_packs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		pack: jsonb('pack').notNull(),
		loadedBy: text('loaded_by').references(() => users.id, { onDelete: 'set null' }),
		loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
		permissionConfirmedBy: text('permission_confirmed_by').references(() => users.id, {
			onDelete: 'set null'
		}),
		permissionConfirmedAt: timestamp('permission_confirmed_at', { withTimezone: true })
	},
	(t) => [unique('instrument_packs_org_slug').on(t.organisationId, t.slug)]
);

/* The organisation's outcome settings: smallest group shown (never below 5), post window. */
export const outcomeSettings = pgTable(
	'outcome_settings',
	{
		organisationId: uuid('organisation_id')
			.primaryKey()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		minGroup: integer('min_group').notNull().default(5),
		postDays: integer('post_days').notNull().default(14)
	},
	(t) => [
		check('outcome_min_group', sql`${t.minGroup} >= 5`),
		check('outcome_post_days', sql`${t.postDays} between 1 and 90`)
	]
);
