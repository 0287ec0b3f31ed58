/*
 * The personal data inventory (issue #16, ADR 026): every table and column that refers to a
 * person, what it is for, who may see it, how it is exported and erased, and how long it is
 * kept. It is code so that three things read the same list: the coverage test (a column that
 * refers to a person and is missing here fails it), the erasure test (each entry's rule is
 * asserted against the database after an erasure) and the documents (`docs/personal-data.md`
 * and the privacy notice's table are generated from it). Universal: no server imports.
 */

/** What kind of personal data a column holds; the privacy notice groups by it. */
export const DATA_CATEGORIES = [
	'account',
	'contact',
	'special-category',
	'group-contribution',
	'private-reflection',
	'evaluation',
	'operational-log'
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Where a person's own download puts it (issue #16 item 2); `none`: not in the download. */
export type ExportArea =
	| 'account'
	| 'memberships'
	| 'cohort-profiles'
	| 'attendance'
	| 'certificates'
	| 'live-answers'
	| 'workbook'
	| 'evaluation'
	| 'emails'
	| 'access-log'
	| 'none';

/**
 * What erasing a person's account does to the entry's rows (src/lib/server/privacy/
 * erase-account.ts carries each rule out; its test asserts each one per entry):
 * - `delete-row`: the person's rows are deleted.
 * - `blank`: the row stays for the group (a count, an event in the room's log), the person's
 *   words and any link to them are removed.
 * - `unlink`: the row stays as part of a group figure (a poll count, a pass), with nothing that
 *   leads back to the person.
 * - `set-null`: the person is referred to as the one who did something to someone else's data
 *   (issued, hid, acknowledged, audited); the reference becomes null, the fact stays.
 * - `keep-unlinked`: holds nothing that links to the person (no id, no time); stays as part of
 *   the group's aggregate.
 * - `new-pseudonym`: the pseudonym that pairs pre and post answers is replaced by a random one,
 *   so not even the server's key leads from the person to the answers; the pair stays.
 * - `revoke-or-keep`: revoked (and the name blanked) unless the person chooses to keep the
 *   public verification; either way the row is no longer linked to the account.
 */
export type ErasureRule =
	| 'delete-row'
	| 'blank'
	| 'unlink'
	| 'set-null'
	| 'keep-unlinked'
	| 'new-pseudonym'
	| 'revoke-or-keep';

/** The purpose groups of the privacy notice; each has localised wording in messages/*.json. */
export const NOTICE_PURPOSES = [
	'account',
	'sign-in',
	'cohort-place',
	'special-category',
	'attendance',
	'certificate',
	'live-room',
	'workbook',
	'feedback',
	'email',
	'audit',
	'staff-actions'
] as const;
export type NoticePurpose = (typeof NOTICE_PURPOSES)[number];

/** How the erasure code finds the person's rows of an entry. */
export type PersonLink =
	| { by: 'user-id'; column: string }
	| { by: 'enrolment-id'; column: string }
	| { by: 'email'; column: string }
	| { by: 'content' }
	| { by: 'none' };

export type InventoryEntry = {
	table: string;
	/** SQL column names that refer to the person or hold what they wrote. */
	columns: string[];
	category: DataCategory;
	notice: NoticePurpose;
	purpose: string;
	visibleTo: string;
	export: ExportArea;
	erasure: ErasureRule;
	/** What the rule means for this table, in one sentence for the documents. */
	erasureNote: string;
	retention: string;
	link: PersonLink;
};

const AS_COHORT =
	'As long as the cohort is kept; the organisation’s retention settings delete it some months after the cohort ends.';
const AS_ACCOUNT = 'As long as the account exists.';

export const PERSONAL_DATA_INVENTORY: readonly InventoryEntry[] = [
	// ── Account ──────────────────────────────────────────────────────────────────────────
	{
		table: 'users',
		columns: ['id', 'name', 'locale', 'time_zone', 'pronouns', 'country', 'image'],
		category: 'account',
		notice: 'account',
		purpose:
			'The person’s account: the name others see, language, time zone, optional pronouns and country (which crisis lines they see).',
		visibleTo: 'The person; admins (people list); facilitators and co-participants see the name.',
		export: 'account',
		erasure: 'delete-row',
		erasureNote: 'The account row is deleted; everything that hangs on it goes with it.',
		retention: AS_ACCOUNT,
		link: { by: 'user-id', column: 'id' }
	},
	{
		table: 'users',
		columns: ['email', 'email_verified'],
		category: 'contact',
		notice: 'account',
		purpose: 'Signing in, and the emails the course sends (invitations, reminders, certificates).',
		visibleTo: 'The person; admins; the cohort’s facilitators (roster).',
		export: 'account',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the account.',
		retention: AS_ACCOUNT,
		link: { by: 'user-id', column: 'id' }
	},
	{
		table: 'accounts',
		columns: [
			'user_id',
			'account_id',
			'password',
			'access_token',
			'refresh_token',
			'id_token',
			'scope'
		],
		category: 'account',
		notice: 'sign-in',
		purpose: 'How the person signs in: the password’s hash (never the password itself).',
		visibleTo: 'Nobody; only the sign-in code reads it.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the account.',
		retention: AS_ACCOUNT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'sessions',
		columns: ['user_id', 'ip_address', 'user_agent', 'token'],
		category: 'operational-log',
		notice: 'sign-in',
		purpose:
			'Keeps the person signed in; the address and browser help them recognise their sessions.',
		visibleTo: 'The person (their sessions); nobody else in the app.',
		export: 'account',
		erasure: 'delete-row',
		erasureNote: 'Every session is deleted: the person is signed out everywhere.',
		retention: 'Until the session expires or the person signs out.',
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'two_factors',
		columns: [
			'user_id',
			'secret',
			'backup_codes',
			'verified',
			'failed_verification_count',
			'locked_until'
		],
		category: 'account',
		notice: 'sign-in',
		purpose:
			'The second step of signing in: the authenticator app’s key and the recovery codes (both encrypted), wrong codes counted to lock the account for a while.',
		visibleTo: 'Nobody in the app; the person sees only whether it is on.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the account.',
		retention: 'Until the person removes the app or the account is erased.',
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'passkeys',
		columns: [
			'user_id',
			'name',
			'public_key',
			'credential_id',
			'counter',
			'device_type',
			'backed_up',
			'transports',
			'created_at',
			'aaguid'
		],
		category: 'account',
		notice: 'sign-in',
		purpose:
			'Passkeys the person registered to sign in: the public key only, with the name they gave it and the kind of device.',
		visibleTo: 'The person (security page).',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the account.',
		retention: 'Until the person removes the passkey or the account is erased.',
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'verifications',
		columns: ['identifier', 'value'],
		category: 'operational-log',
		notice: 'sign-in',
		purpose: 'Short-lived sign-in links and password-reset tokens; they name the person.',
		visibleTo: 'Nobody; only the sign-in code reads it.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Rows naming the person’s email or id are deleted.',
		retention: 'Minutes to an hour (until the link expires).',
		link: { by: 'content' }
	},
	{
		table: 'rate_limits',
		columns: ['key'],
		category: 'operational-log',
		notice: 'sign-in',
		purpose:
			'Counts attempts (sign-in, reset, invitations) per email, person or address to stop abuse.',
		visibleTo: 'Nobody.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Counters keyed by the person’s email or id are deleted.',
		retention: 'One window (a minute to an hour).',
		link: { by: 'content' }
	},
	{
		table: 'memberships',
		columns: ['user_id', 'role', 'peer_trainer'],
		category: 'account',
		notice: 'account',
		purpose:
			'The person’s roles in the organisation, and whether they choose to be known as a peer trainer.',
		visibleTo: 'The person; admins.',
		export: 'memberships',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the account.',
		retention: AS_ACCOUNT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'calendar_feeds',
		columns: ['user_id', 'token_hash'],
		category: 'account',
		notice: 'account',
		purpose: 'The person’s private calendar subscription (only a hash of its address).',
		visibleTo: 'Nobody; the person holds the address.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the account; the feed address stops working.',
		retention: 'Until revoked or the account is deleted.',
		link: { by: 'user-id', column: 'user_id' }
	},
	// ── Cohort places ────────────────────────────────────────────────────────────────────
	{
		table: 'invitations',
		columns: ['email', 'locale'],
		category: 'contact',
		notice: 'cohort-place',
		purpose: 'An invitation to the organisation or a cohort, sent to this address.',
		visibleTo: 'Admins and the cohort’s facilitators (open invitations).',
		export: 'memberships',
		erasure: 'delete-row',
		erasureNote: 'Invitations to the person’s email are deleted.',
		retention: 'Until accepted, cancelled or expired, then with the cohort.',
		link: { by: 'email', column: 'email' }
	},
	{
		table: 'enrolments',
		columns: ['id', 'user_id', 'status', 'display_name', 'pronouns'],
		category: 'account',
		notice: 'cohort-place',
		purpose:
			'The person’s place in a cohort (or on its waiting list) and how they want to be named there.',
		visibleTo: 'The person; the cohort’s facilitators; co-participants see the display name.',
		export: 'cohort-profiles',
		erasure: 'delete-row',
		erasureNote:
			'Deleted; with it go attendance, “I need a moment” signals, upvotes and live presence.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'enrolments',
		columns: ['background', 'background_visibility', 'access_needs', 'special_category_consent_at'],
		category: 'special-category',
		notice: 'special-category',
		purpose:
			'Optional: the person’s background (for example lived experience) and access needs, given with explicit consent so the course can be adapted.',
		visibleTo:
			'The person; the cohort’s facilitators (access needs; background as the person chose); co-participants see the background only if the person chose “cohort”. Reads by others are audited.',
		export: 'cohort-profiles',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the enrolment.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'cohort_facilitators',
		columns: ['user_id', 'peer_trainer'],
		category: 'account',
		notice: 'cohort-place',
		purpose: 'Who facilitates a cohort.',
		visibleTo: 'The cohort’s participants and facilitators; admins.',
		export: 'memberships',
		erasure: 'delete-row',
		erasureNote:
			'Deleted; names already printed on participants’ certificates stay there (those are the participants’ records).',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'attendance',
		columns: ['enrolment_id', 'status', 'first_joined_at'],
		category: 'account',
		notice: 'attendance',
		purpose: 'Who came to each session: the basis of the certificate.',
		visibleTo: 'The person; the cohort’s facilitators; admins (reports, as counts).',
		export: 'attendance',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the enrolment.',
		retention: AS_COHORT,
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	// ── Certificates ─────────────────────────────────────────────────────────────────────
	{
		table: 'certificates',
		columns: ['enrolment_id', 'name_on_certificate', 'code'],
		category: 'account',
		notice: 'certificate',
		purpose:
			'The person’s certificate of completion and its public verification address; the name is the one they chose to print.',
		visibleTo:
			'The person; the cohort’s facilitators and admins; anyone holding the verification address sees the name and the course.',
		export: 'certificates',
		erasure: 'revoke-or-keep',
		erasureNote:
			'Revoked and the printed name blanked, unless the person chooses to keep the public verification (then it stays valid with the name). Either way it is no longer linked to an account.',
		retention:
			'As long as the organisation issues certificates, so the verification address keeps answering.',
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	{
		table: 'certificates',
		columns: ['issued_by', 'revoked_by', 'issue_reason', 'revoke_reason'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which facilitator issued or revoked a certificate by hand, and why.',
		visibleTo: 'The cohort’s facilitators and admins.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'When that facilitator’s account is erased, the reference becomes null.',
		retention: 'As the certificate.',
		link: { by: 'user-id', column: 'issued_by' }
	},
	// ── Live room ────────────────────────────────────────────────────────────────────────
	{
		table: 'live_answers',
		columns: ['enrolment_id', 'payload', 'passed', 'shared'],
		category: 'group-contribution',
		notice: 'live-room',
		purpose:
			'What the person contributed to a live activity (a poll choice, a word, a board note, a question) — linked to them unless they answered anonymously.',
		visibleTo:
			'The group sees revealed results without names; the cohort’s facilitators see who wrote what until it is revealed; answers kept “in my workbook only” are the person’s alone.',
		export: 'live-answers',
		erasure: 'blank',
		erasureNote:
			'Private answers are deleted; words shown to the group (notes, questions, open answers) are blanked and their rows kept unlinked so the count of answers stays; choices in polls, check-ins, word clouds and cards stay as unlinked counts. Anonymous answers were never linked.',
		retention: AS_COHORT,
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	{
		table: 'live_answers',
		columns: ['hidden_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which facilitator hid a contribution from the group’s results.',
		visibleTo: 'The cohort’s facilitators.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null when that facilitator’s account is erased; the answer stays hidden.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'hidden_by' }
	},
	{
		table: 'live_events',
		columns: ['payload'],
		category: 'group-contribution',
		notice: 'live-room',
		purpose:
			'The live room’s log, replayed to clients that reconnect: revealed results carry shared texts, “I need a moment” events carry the display name (facilitators only).',
		visibleTo: 'The session’s participants (results) and facilitators (all events).',
		export: 'none',
		erasure: 'blank',
		erasureNote:
			'The person’s texts are removed from the results events and their “I need a moment” events are deleted, so a replay shows neither.',
		retention: AS_COHORT,
		link: { by: 'content' }
	},
	{
		table: 'live_state',
		columns: ['breakout'],
		category: 'group-contribution',
		notice: 'live-room',
		purpose: 'Which breakout group each participant is in (enrolment ids).',
		visibleTo: 'The session’s facilitators; each participant sees their own group.',
		export: 'none',
		erasure: 'blank',
		erasureNote: 'The person’s enrolment id is removed from the groups.',
		retention: AS_COHORT,
		link: { by: 'content' }
	},
	{
		table: 'moment_signals',
		columns: ['enrolment_id'],
		category: 'special-category',
		notice: 'live-room',
		purpose:
			'“I need a moment”: a person asks the facilitators for a pause; it can say something about how they are.',
		visibleTo: 'The session’s facilitators.',
		export: 'live-answers',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the enrolment.',
		retention: AS_COHORT,
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	{
		table: 'moment_signals',
		columns: ['acknowledged_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which facilitator acknowledged a signal.',
		visibleTo: 'The session’s facilitators.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null when that facilitator’s account is erased.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'acknowledged_by' }
	},
	{
		table: 'live_votes',
		columns: ['enrolment_id'],
		category: 'group-contribution',
		notice: 'live-room',
		purpose: 'Upvotes on questions (one per person per question).',
		visibleTo: 'The group sees the number of votes, never who voted.',
		export: 'live-answers',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the enrolment (a question’s vote count drops by theirs).',
		retention: AS_COHORT,
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	{
		table: 'live_presence',
		columns: ['enrolment_id'],
		category: 'operational-log',
		notice: 'live-room',
		purpose: 'Who has the live room open right now.',
		visibleTo: 'The session’s facilitators.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the enrolment; the person’s open streams are closed.',
		retention: 'Minutes (rows of a stopped instance are deleted).',
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	{
		table: 'live_respondents',
		columns: ['enrolment_id', 'passed'],
		category: 'operational-log',
		notice: 'live-room',
		purpose:
			'That the person answered (or passed) an anonymous poll, kept apart from the answer, so they answer once and see that they did. Holds no answer and no time.',
		visibleTo: 'The person (their page says they answered); nobody else in the app.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the enrolment; the anonymous answer stays in the counts.',
		retention: 'With the live data of the cohort (the live retention period).',
		link: { by: 'enrolment-id', column: 'enrolment_id' }
	},
	// ── Workbook ─────────────────────────────────────────────────────────────────────────
	{
		table: 'workbook_entries',
		columns: ['user_id', 'fields', 'sharing', 'shared_at', 'source_answer_id'],
		category: 'private-reflection',
		notice: 'workbook',
		purpose:
			'The person’s own writing about their strengths, community, experiences and plans; private unless they share an item.',
		visibleTo:
			'The person; when they share an item, the cohort’s facilitators or the cohort. Never admins as such. Openings are audited.',
		export: 'workbook',
		erasure: 'delete-row',
		erasureNote:
			'Deleted, shared items included: shared entries are the person’s reflections, not a group result.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'workbook_entry_views',
		columns: ['viewer_id', 'first_opened_at', 'last_opened_at'],
		category: 'operational-log',
		notice: 'workbook',
		purpose: 'Who opened a shared entry, shown to its owner.',
		visibleTo: 'The entry’s owner.',
		export: 'workbook',
		erasure: 'delete-row',
		erasureNote: 'Deleted with the entry, and the viewer’s rows with the viewer’s account.',
		retention: 'As the entry.',
		link: { by: 'user-id', column: 'viewer_id' }
	},
	{
		table: 'workbook_map_snapshots',
		columns: ['user_id', 'label', 'ties', 'subject'],
		category: 'private-reflection',
		notice: 'workbook',
		purpose: 'Copies of the person’s community map, to compare before and after the course.',
		visibleTo: 'The person only.',
		export: 'workbook',
		erasure: 'delete-row',
		erasureNote: 'Deleted.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'workbook_preferences',
		columns: ['user_id', 'remind_before_session', 'map_subject'],
		category: 'private-reflection',
		notice: 'workbook',
		purpose:
			'Whether the person wants a reminder before each session, and whom their map describes.',
		visibleTo: 'The person.',
		export: 'workbook',
		erasure: 'delete-row',
		erasureNote: 'Deleted.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	// ── Feedback and evaluation ──────────────────────────────────────────────────────────
	{
		table: 'pulse_respondents',
		columns: ['user_id'],
		category: 'evaluation',
		notice: 'feedback',
		purpose: 'That the person answered a session’s feedback pulse (holds no answers).',
		visibleTo: 'Nobody in the app.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'pulse_answers',
		columns: ['comment', 'useful', 'pace', 'able_to_pass', 'safe_to_share'],
		category: 'evaluation',
		notice: 'feedback',
		purpose: 'The feedback pulse’s answers: no person, no time, only the session.',
		visibleTo: 'Facilitators and admins, as aggregates from the smallest group size (5).',
		export: 'none',
		erasure: 'keep-unlinked',
		erasureNote:
			'Not linked to anyone, so they stay in the group’s aggregate; deleted with the cohort.',
		retention: AS_COHORT,
		link: { by: 'none' }
	},
	{
		table: 'evaluation_respondents',
		columns: ['user_id', 'phase'],
		category: 'evaluation',
		notice: 'feedback',
		purpose: 'That the person answered the pre or post questionnaire (once-only, reminders).',
		visibleTo: 'Nobody in the app.',
		export: 'evaluation',
		erasure: 'delete-row',
		erasureNote: 'Deleted.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	{
		table: 'evaluation_responses',
		columns: ['pseudonym', 'answers'],
		category: 'evaluation',
		notice: 'feedback',
		purpose:
			'Pre and post questionnaire answers under a pseudonym that pairs them; only the server’s key outside the database leads from a person to it.',
		visibleTo: 'Facilitators and admins, as aggregates from the smallest group size.',
		export: 'evaluation',
		erasure: 'new-pseudonym',
		erasureNote:
			'The pseudonym is replaced by a random one (pre and post keep pairing), so the answers stay in the aggregate and nothing leads back to the person.',
		retention: AS_COHORT,
		link: { by: 'content' }
	},
	{
		table: 'instrument_packs',
		columns: ['loaded_by', 'permission_confirmed_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which admin loaded a published questionnaire and confirmed the permission to use it.',
		visibleTo: 'Admins.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null when that admin’s account is erased.',
		retention: 'As the pack.',
		link: { by: 'user-id', column: 'loaded_by' }
	},
	{
		table: 'retention_settings',
		columns: ['updated_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose:
			'Which admin last changed the retention periods (the change itself is in the audit log).',
		visibleTo: 'Admins.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null when that admin’s account is erased.',
		retention: 'Until the next change.',
		link: { by: 'user-id', column: 'updated_by' }
	},
	// ── Email ────────────────────────────────────────────────────────────────────────────
	{
		table: 'email_outbox',
		columns: ['to_address', 'subject', 'text_body', 'html_body', 'attachments', 'secret_url'],
		category: 'contact',
		notice: 'email',
		purpose:
			'Every email sent to the person (invitations, reminders, certificates), kept with its delivery state.',
		visibleTo: 'Admins (outbox); the recipient.',
		export: 'emails',
		erasure: 'delete-row',
		erasureNote: 'Emails to the person’s address are deleted.',
		retention: 'The organisation’s outbox retention (months).',
		link: { by: 'email', column: 'to_address' }
	},
	{
		table: 'email_outbox',
		columns: ['secret_viewer'],
		category: 'operational-log',
		notice: 'email',
		purpose: 'The inviter who may still read an invitation link they sent.',
		visibleTo: 'That inviter.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null when the inviter’s account is erased.',
		retention: 'Until the email is delivered.',
		link: { by: 'user-id', column: 'secret_viewer' }
	},
	{
		table: 'notifications',
		columns: ['user_id', 'key', 'email_id'],
		category: 'operational-log',
		notice: 'email',
		purpose: 'That a reminder or notice went to the person (so it goes at most once).',
		visibleTo: 'Nobody in the app.',
		export: 'none',
		erasure: 'delete-row',
		erasureNote: 'Deleted.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'user_id' }
	},
	// ── Audit and staff actions ──────────────────────────────────────────────────────────
	{
		table: 'audit_events',
		columns: ['actor_id', 'subject_id', 'actor_role', 'reason', 'target'],
		category: 'operational-log',
		notice: 'audit',
		purpose:
			'Who read, exported or changed what about whom, and when — never the content (ADR 026, issue #16 item 5).',
		visibleTo: 'Admins; each person sees the rows about them.',
		export: 'access-log',
		erasure: 'set-null',
		erasureNote:
			'The rows stay, with the erased person replaced by null (the erasure itself is one of them).',
		retention: 'The organisation’s audit retention.',
		link: { by: 'user-id', column: 'subject_id' }
	},
	{
		table: 'cohorts',
		columns: ['created_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Who created a cohort.',
		visibleTo: 'Admins and the cohort’s facilitators.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'created_by' }
	},
	{
		table: 'invitations',
		columns: ['invited_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Who sent an invitation.',
		visibleTo: 'Admins and the cohort’s facilitators.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null.',
		retention: 'As the invitation.',
		link: { by: 'user-id', column: 'invited_by' }
	},
	{
		table: 'attendance',
		columns: ['updated_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which facilitator corrected an attendance record.',
		visibleTo: 'The cohort’s facilitators.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null.',
		retention: AS_COHORT,
		link: { by: 'user-id', column: 'updated_by' }
	},
	{
		table: 'crisis_resources',
		columns: ['updated_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which admin last changed a crisis line.',
		visibleTo: 'Admins.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null.',
		retention: 'Until the next change.',
		link: { by: 'user-id', column: 'updated_by' }
	},
	{
		table: 'crisis_procedures',
		columns: ['updated_by'],
		category: 'operational-log',
		notice: 'staff-actions',
		purpose: 'Which admin last changed the crisis procedure (pages show the date only).',
		visibleTo: 'Admins through the database.',
		export: 'none',
		erasure: 'set-null',
		erasureNote: 'Becomes null.',
		retention: 'Until the next change.',
		link: { by: 'user-id', column: 'updated_by' }
	},
	{
		table: 'crisis_procedures',
		columns: ['who_to_call'],
		category: 'contact',
		notice: 'staff-actions',
		purpose:
			'The organisation’s crisis procedure may name staff and their work phone numbers, written in by an admin.',
		visibleTo: 'The organisation’s facilitators and admins; never participants.',
		export: 'none',
		erasure: 'keep-unlinked',
		erasureNote:
			'Free text about the organisation, not linked to an account: an admin edits it out (the erasure summary reminds admins).',
		retention: 'Until an admin changes it (no history).',
		link: { by: 'none' }
	}
];

/**
 * Columns whose names look personal but are not about a person, and tables that hold nothing
 * about anyone. The coverage test accepts these; everything else must be in the inventory.
 */
export const NOT_PERSONAL: readonly { table: string; columns: string[]; why: string }[] = [
	{ table: 'organisations', columns: ['name'], why: 'The organisation’s name.' },
	{ table: 'cohorts', columns: ['name'], why: 'The cohort’s name, chosen by its facilitators.' },
	{
		table: 'crisis_resources',
		columns: ['name', 'phone', 'verified_by'],
		why: 'A public crisis line’s name and phone number, and the source that verified it (an organisation, not a person’s account).'
	},
	{ table: 'cohort_sessions', columns: [], why: 'Dates and video rooms of a cohort.' },
	{ table: 'course_versions', columns: [], why: 'The course content.' },
	{ table: 'course_sources', columns: [], why: 'Which course package was imported.' },
	{ table: 'credential_keys', columns: [], why: 'The organisation’s signing key.' },
	{ table: 'outcome_settings', columns: [], why: 'The organisation’s settings.' }
];

/** The inventory's entries for one table. */
export function inventoryOf(table: string) {
	return PERSONAL_DATA_INVENTORY.filter((e) => e.table === table);
}
