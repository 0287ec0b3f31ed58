/*
 * The access-control matrix (issue #16, item 8): every page, form action and endpoint method
 * of the route tree × every kind of person, with what the app must answer. Read by
 * tests/e2e/access-matrix.e2e.ts, which asks each question through HTTP against a seeded pair
 * of cohorts (access-matrix-fixture.ts), and by route-tree.test.ts, which fails when a route,
 * action or method has no row here or a row names one that is gone.
 *
 * Adding a row: copy the row of a route with the same rule, change `target` to the key the
 * failure message names, and pick the expectation (the profiles below cover most routes).
 * Parameters are filled from the fixture by name; `params` picks another fixture value.
 * Forms are posted with `body`; for the people who may act, choose a body the route refuses
 * with 400 (bad input), which proves access passed without changing anything.
 */

export const ROLES = [
	'anonymous',
	'roleless',
	'participantB',
	'facilitatorB',
	'fellowA',
	'facilitatorA',
	'admin',
	// Last: the owner of the workbook entries, so that a removal runs after everyone else tried.
	'participantA'
] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
	anonymous: 'not signed in',
	roleless: 'signed in, no role in the organisation',
	participantB: 'participant of cohort B',
	facilitatorB: 'facilitator of cohort B',
	fellowA: 'another participant of cohort A',
	facilitatorA: 'facilitator of cohort A',
	admin: 'organisation admin (facilitates neither cohort)',
	participantA: 'participant of cohort A, owner of the workbook entries'
};

/**
 * What the app answers:
 * - ok: 200
 * - sign-in: 303 to /sign-in (…)
 * - profile: 303 to /profile (a signed-in person without any role sees only their profile)
 * - not-found: 404 (the app's answer where even existence must not show)
 * - forbidden: 403 (the person may know the thing exists, but not open it)
 * - bad-input: 400 (allowed, and the deliberately incomplete form was refused; nothing changed)
 * - redirect:<path>: 303 to exactly that path, with [param] filled in
 * - status:<n>: any other status, e.g. 409 for a session whose room is not open
 */
export type Outcome =
	| 'ok'
	| 'sign-in'
	| 'profile'
	| 'not-found'
	| 'forbidden'
	| 'bad-input'
	| `redirect:${string}`
	| `status:${number}`;

export type Expectation = Record<RoleName, Outcome>;

/** Values the fixture seeded, for bodies that need them. */
export type FixtureValues = {
	/** An item of the course's questionnaire. */
	evaluationItem: string;
	/** Participant A's certificate, her place in cohort A and its first session. */
	certificateA: string;
	enrolmentA: string;
	sessionA: string;
};

export type Row = {
	/** A key of the route tree: `GET /route`, `POST /route?/action`, `POST /route` (default). */
	target: string;
	/** Tells apart two rows of one target (the same page with different entries). */
	variant?: string;
	expect: Expectation;
	/** Route parameter → fixture value name, where the default (the parameter's name) is not it. */
	params?: Record<string, string>;
	/** Form fields (urlencoded), or `{ json }` for an endpoint that takes JSON. */
	body?:
		Record<string, string> | { json: unknown } | ((f: FixtureValues) => Record<string, string>);
	/** An event stream: only the status and the redirect are read, then it is closed. */
	stream?: boolean;
	/**
	 * Asked after every other row, in this order: 'removes-data' (an owner removes an entry),
	 * 'leaves-cohort' (participants give up their place), 'ends-session' (signing out), so
	 * none of them disturbs the rows before.
	 */
	last?: 'removes-data' | 'leaves-cohort' | 'ends-session';
};

const expectation = (o: Outcome, over: Partial<Expectation> = {}): Expectation => ({
	...(Object.fromEntries(ROLES.map((r) => [r, o])) as Expectation),
	...over
});

/** The same expectation with every 'ok' replaced: what allowed people get for this body. */
const whenAllowed = (e: Expectation, o: Outcome): Expectation =>
	Object.fromEntries(ROLES.map((r) => [r, e[r] === 'ok' ? o : e[r]])) as Expectation;

/* ---- Profiles: who may do what, as the access rules say. ---- */

/** Open to everyone; a signed-in person without a role is sent to their profile (hooks.server.ts). */
const PUBLIC = expectation('ok', { roleless: 'profile' });
/** The pages a person without a role may still open (ROLELESS in hooks.server.ts). */
const OPEN = expectation('ok');
const SIGNED_IN = expectation('ok', { anonymous: 'sign-in' });
const ROLE_HOLDERS = expectation('ok', { anonymous: 'sign-in', roleless: 'profile' });
/** Admins only (require-admin.ts): others know admin pages exist, so 403. */
const ADMIN = expectation('forbidden', { anonymous: 'sign-in', roleless: 'profile', admin: 'ok' });
/** People with the facilitator role, and admins (the guide, a new cohort). */
const FACILITATOR_ROLE = expectation('ok', {
	anonymous: 'sign-in',
	roleless: 'profile',
	participantA: 'forbidden',
	fellowA: 'forbidden',
	participantB: 'forbidden'
});
/** Cohort A's members (cohort-access.ts): its participants, its facilitators, admins; others 404. */
const MEMBER_A = expectation('ok', {
	anonymous: 'sign-in',
	roleless: 'profile',
	participantB: 'not-found',
	facilitatorB: 'not-found'
});
/** Those who manage cohort A (requireManager): its participants know it, so 403 for them. */
const MANAGER_A = { ...MEMBER_A, participantA: 'forbidden', fellowA: 'forbidden' } as Expectation;
/** Only someone with a place in cohort A: their own workbook, certificate, questionnaire. */
const PLACE_IN_A = {
	...MEMBER_A,
	facilitatorA: 'not-found',
	admin: 'not-found'
} as Expectation;
/** One workbook entry: its owner, and whoever it is shared with right now; everyone else 404. */
const ENTRY_OWNER = {
	...PLACE_IN_A,
	fellowA: 'not-found'
} as Expectation;
/**
 * Cohort B's address with cohort A's people in the form: B's managers pass the access check
 * and are refused by the rule (400, nothing changed); B's participant is not a manager (403);
 * everyone outside B does not find it.
 */
const B_MANAGERS_REFUSED = expectation('not-found', {
	anonymous: 'sign-in',
	roleless: 'profile',
	participantB: 'forbidden',
	facilitatorB: 'bad-input',
	admin: 'bad-input'
});
/** The live room of cohort A's first session (live-access.ts): the same people as MEMBER_A. */
const LIVE_A = MEMBER_A;
/** The facilitators' side of the room: console, projector, the record's export. */
const LIVE_MANAGER_A = MANAGER_A;

const EMPTY = {};

export const MATRIX: Row[] = [
	/* ---- Public site ---- */
	{ target: 'GET /', expect: PUBLIC },
	{ target: 'GET /.well-known/did.json', expect: PUBLIC },
	{ target: 'GET /credentials/status', expect: PUBLIC },
	{ target: 'GET /healthz', expect: OPEN },
	{ target: 'GET /courses/[slug]', expect: PUBLIC },
	{ target: 'GET /courses/[slug]/sessions/[n]', expect: PUBLIC },
	{ target: 'GET /courses/[slug]/sessions/[n]/handout', expect: PUBLIC },
	{ target: 'GET /courses/[slug]/sessions/[n]/handout.pdf', expect: PUBLIC },
	{ target: 'GET /courses/[slug]/sessions/[n]/guide', expect: FACILITATOR_ROLE },
	// The certificate's code is the key; the page is for anyone who was given it.
	{ target: 'GET /verify/[code]', expect: PUBLIC },
	// The feed's unguessable token is the key (calendar apps send no cookies).
	{ target: 'GET /calendar/[file]', expect: PUBLIC },

	/* ---- Signing in and out, the profile, the language ---- */
	{ target: 'GET /sign-in', expect: expectation('redirect:/', { anonymous: 'ok' }) },
	// The privacy notice is public, also for someone signed in without a role.
	{ target: 'GET /privacy', expect: OPEN },
	{
		target: 'GET /sign-in/second-factor',
		expect: expectation('redirect:/', { anonymous: 'ok' })
	},
	{
		target: 'POST /sign-in/second-factor?/totp',
		body: EMPTY,
		expect: expectation('redirect:/', { anonymous: 'bad-input' })
	},
	{
		target: 'POST /sign-in/second-factor?/recovery',
		body: EMPTY,
		expect: expectation('redirect:/', { anonymous: 'bad-input' })
	},
	// A refused form is drawn again with the page, whose load sends a signed-in person home.
	{
		target: 'POST /sign-in?/password',
		body: EMPTY,
		expect: expectation('redirect:/', { anonymous: 'bad-input' })
	},
	{
		target: 'POST /sign-in?/link',
		body: EMPTY,
		expect: expectation('redirect:/', { anonymous: 'bad-input' })
	},
	{ target: 'GET /sign-in/check-email', expect: OPEN },
	{ target: 'GET /signed-in', expect: expectation('redirect:/', { anonymous: 'sign-in' }) },
	{ target: 'GET /forgot-password', expect: OPEN },
	{ target: 'POST /forgot-password', body: EMPTY, expect: expectation('bad-input') },
	{ target: 'GET /reset-password', expect: OPEN },
	{ target: 'POST /reset-password', body: EMPTY, expect: expectation('bad-input') },
	{ target: 'GET /profile', expect: SIGNED_IN },
	// Who opened one's own data: every signed-in person, about themself only.
	{ target: 'GET /profile/access', expect: SIGNED_IN },
	{ target: 'POST /profile', body: EMPTY, expect: whenAllowed(SIGNED_IN, 'bad-input') },
	// One's own account security, sessions and erasure: every signed-in person, about themself.
	{ target: 'GET /profile/security', expect: SIGNED_IN },
	// "Download my data": the person's own archive, for every signed-in person.
	{ target: 'POST /profile/export', body: EMPTY, expect: SIGNED_IN },
	{ target: 'GET /profile/sessions', expect: SIGNED_IN },
	{ target: 'GET /profile/erase', expect: SIGNED_IN },
	{
		target: 'POST /profile/security?/start',
		body: EMPTY,
		expect: whenAllowed(SIGNED_IN, 'bad-input')
	},
	{
		target: 'POST /profile/security?/confirm',
		body: EMPTY,
		expect: whenAllowed(SIGNED_IN, 'bad-input')
	},
	{
		target: 'POST /profile/security?/recoveryCodes',
		body: EMPTY,
		expect: whenAllowed(SIGNED_IN, 'bad-input')
	},
	{
		target: 'POST /profile/security?/turnOff',
		body: EMPTY,
		expect: whenAllowed(SIGNED_IN, 'bad-input')
	},
	{
		target: 'POST /profile/security?/removePasskey',
		body: EMPTY,
		expect: whenAllowed(SIGNED_IN, 'bad-input')
	},
	{
		target: 'POST /profile/sessions?/revoke',
		body: EMPTY,
		expect: whenAllowed(SIGNED_IN, 'bad-input')
	},
	// Signs the person out on every device: asked last, so the other rows keep their session.
	{
		target: 'POST /profile/sessions?/everywhere',
		body: EMPTY,
		last: 'ends-session',
		expect: expectation('sign-in')
	},
	// A wrong (empty) password: refused, nobody erased.
	{ target: 'POST /profile/erase', body: EMPTY, expect: whenAllowed(SIGNED_IN, 'bad-input') },
	{ target: 'GET /language', expect: expectation('redirect:/') },
	{
		target: 'POST /language',
		body: { locale: 'en', redirectTo: '/cohorts' },
		expect: expectation('redirect:/cohorts')
	},
	// An invitation or join link that does not exist: the same page and refusal for everyone.
	{ target: 'GET /invitations/[token]', params: { token: 'token:none' }, expect: OPEN },
	{
		target: 'POST /invitations/[token]',
		params: { token: 'token:none' },
		body: EMPTY,
		expect: expectation('status:410')
	},
	// A real join link shows the group's name and dates to anyone who has it, by design.
	{ target: 'GET /join/[token]', expect: OPEN },
	{
		target: 'POST /join/[token]',
		params: { token: 'token:none' },
		body: EMPTY,
		expect: expectation('status:410')
	},
	{ target: 'GET /sign-out', expect: expectation('redirect:/') },
	{ target: 'POST /sign-out', body: EMPTY, last: 'ends-session', expect: expectation('sign-in') },

	/* ---- Administration ---- */
	{ target: 'GET /admin', expect: ADMIN },
	// A country that does not exist: refused, the organisation's country stays.
	{
		target: 'POST /admin?/country',
		body: { country: 'ZZZ' },
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{ target: 'GET /admin/crisis-procedure', expect: ADMIN },
	{ target: 'POST /admin/crisis-procedure', body: EMPTY, expect: whenAllowed(ADMIN, 'bad-input') },
	{ target: 'GET /admin/crisis-resources', expect: ADMIN },
	{
		target: 'POST /admin/crisis-resources?/add',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{
		target: 'POST /admin/crisis-resources?/verify',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{
		target: 'POST /admin/crisis-resources?/remove',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{
		target: 'GET /admin/crisis-resources/[id]',
		params: { id: 'id:crisis-resource' },
		expect: ADMIN
	},
	{
		target: 'POST /admin/crisis-resources/[id]',
		params: { id: 'id:crisis-resource' },
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	// The audit log of sensitive access.
	{ target: 'GET /admin/audit', expect: ADMIN },
	{ target: 'GET /admin/retention', expect: ADMIN },
	{
		target: 'POST /admin/retention?/settings',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{ target: 'GET /admin/outbox', expect: ADMIN },
	{ target: 'GET /admin/outbox/[id]', params: { id: 'id:outbox' }, expect: ADMIN },
	{ target: 'GET /admin/outcomes', expect: ADMIN },
	{
		target: 'POST /admin/outcomes?/settings',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{ target: 'POST /admin/outcomes?/load', body: EMPTY, expect: whenAllowed(ADMIN, 'bad-input') },
	{
		target: 'POST /admin/outcomes?/permission',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{ target: 'GET /admin/people', expect: ADMIN },
	{ target: 'POST /admin/people?/invite', body: EMPTY, expect: whenAllowed(ADMIN, 'bad-input') },
	{ target: 'POST /admin/people?/cancel', body: EMPTY, expect: whenAllowed(ADMIN, 'bad-input') },
	{ target: 'POST /admin/people?/role', body: EMPTY, expect: whenAllowed(ADMIN, 'bad-input') },
	{ target: 'GET /admin/people/[id]/erase', params: { id: 'id:person-b' }, expect: ADMIN },
	{
		target: 'POST /admin/people/[id]/erase',
		params: { id: 'id:person-b' },
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{ target: 'GET /admin/people/[id]/second-factor', params: { id: 'id:person-b' }, expect: ADMIN },
	{
		target: 'POST /admin/people/[id]/second-factor',
		params: { id: 'id:person-b' },
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	{
		target: 'POST /admin?/secondFactor',
		body: EMPTY,
		expect: whenAllowed(ADMIN, 'bad-input')
	},
	// The programme report and its export: aggregates across every group.
	{ target: 'GET /admin/reports', expect: ADMIN },
	{ target: 'GET /admin/reports/report.csv', expect: ADMIN },

	/* ---- Cohorts ---- */
	{ target: 'GET /cohorts', expect: ROLE_HOLDERS },
	{ target: 'GET /cohorts/new', expect: FACILITATOR_ROLE },
	{ target: 'POST /cohorts/new', body: EMPTY, expect: whenAllowed(FACILITATOR_ROLE, 'bad-input') },
	{ target: 'GET /cohorts/[id]', expect: MEMBER_A },
	{
		target: 'POST /cohorts/[id]?/profile',
		body: EMPTY,
		expect: { ...whenAllowed(MEMBER_A, 'bad-input'), facilitatorA: 'forbidden', admin: 'forbidden' }
	},
	// Turning off a calendar feed one does not have changes nothing.
	{ target: 'POST /cohorts/[id]?/feed', body: { off: '1' }, expect: MEMBER_A },
	// Withdrawing consent clears one's own background and access needs: only someone with a
	// place has them (the matrix's members hold none, so nothing is cleared).
	{
		target: 'POST /cohorts/[id]?/withdrawConsent',
		body: EMPTY,
		expect: { ...MEMBER_A, facilitatorA: 'forbidden', admin: 'forbidden' }
	},
	{
		target: 'POST /cohorts/[id]?/leave',
		body: EMPTY,
		last: 'leaves-cohort',
		expect: {
			...whenAllowed(MEMBER_A, 'redirect:/cohorts?left=1'),
			facilitatorA: 'forbidden',
			admin: 'forbidden'
		}
	},
	{ target: 'GET /cohorts/[id]/manage', expect: MANAGER_A },
	{
		target: 'POST /cohorts/[id]/manage?/invite',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	{
		target: 'POST /cohorts/[id]/manage?/cancelInvite',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	{
		target: 'POST /cohorts/[id]/manage?/decide',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	// No marks sent: saved nothing, 200.
	{ target: 'POST /cohorts/[id]/manage?/attendance', body: EMPTY, expect: MANAGER_A },
	{
		target: 'POST /cohorts/[id]/manage?/move',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	// Renews the join link of the fixture's cohort (after the join page's row has used it).
	{ target: 'POST /cohorts/[id]/manage?/joinLink', body: EMPTY, expect: MANAGER_A },
	// Only a facilitator of the cohort has a peer-trainer flag in it; an admin's is refused.
	{
		target: 'POST /cohorts/[id]/manage?/peer',
		body: EMPTY,
		expect: { ...MANAGER_A, admin: 'bad-input' }
	},
	// Without the cohort's name typed in, nothing is cancelled.
	{
		target: 'POST /cohorts/[id]/manage?/cancel',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	// Cohort A's people, changed through cohort B's address by those who manage B: refused.
	{
		target: 'POST /cohorts/[id]/manage?/attendance',
		variant: "a mark for A's participant, under cohort B",
		params: { id: 'id:cohort-b' },
		body: (f) => ({ [`a:${f.enrolmentA}:${f.sessionA}`]: 'absent' }),
		expect: B_MANAGERS_REFUSED
	},
	{
		target: 'POST /cohorts/[id]/certificates?/revoke',
		variant: "A's certificate, under cohort B",
		params: { id: 'id:cohort-b' },
		body: (f) => ({ certificateId: f.certificateA, reason: 'Access matrix' }),
		expect: B_MANAGERS_REFUSED
	},
	{
		target: 'POST /cohorts/[id]/certificates?/issue',
		variant: "A's participant, under cohort B",
		params: { id: 'id:cohort-b' },
		body: (f) => ({ enrolmentId: f.enrolmentA, reason: 'Access matrix' }),
		expect: B_MANAGERS_REFUSED
	},
	{ target: 'GET /cohorts/[id]/roster.csv', expect: MANAGER_A },
	{ target: 'GET /cohorts/[id]/attendance.csv', expect: MANAGER_A },
	{ target: 'GET /cohorts/[id]/pulse', expect: MANAGER_A },
	{ target: 'GET /cohorts/[id]/report', expect: MANAGER_A },
	{ target: 'GET /cohorts/[id]/report.csv', expect: MANAGER_A },
	{ target: 'GET /cohorts/[id]/certificates', expect: MANAGER_A },
	{
		target: 'POST /cohorts/[id]/certificates?/issue',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	{
		target: 'POST /cohorts/[id]/certificates?/revoke',
		body: EMPTY,
		expect: whenAllowed(MANAGER_A, 'bad-input')
	},
	{ target: 'GET /cohorts/[id]/sessions/[n]/run-sheet', expect: MANAGER_A },
	// The join page itself only sends the person to the cohort; the POST is the way in.
	{
		target: 'GET /cohorts/[id]/sessions/[n]/join',
		expect: expectation('redirect:/cohorts/[id]', { roleless: 'profile' })
	},
	// Session 2 is ahead: members are told the room is not open (409), others 404.
	{
		target: 'POST /cohorts/[id]/sessions/[n]/join',
		body: EMPTY,
		expect: whenAllowed(MEMBER_A, 'status:409')
	},

	/* ---- A participant's own things: certificate, feedback, questionnaires ---- */
	{ target: 'GET /cohorts/[id]/certificate', expect: PLACE_IN_A },
	{
		target: 'POST /cohorts/[id]/certificate?/name',
		body: EMPTY,
		// The action refuses them (403) and the page it draws, a participant's own, answers 404.
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},
	// Participant A holds a certificate; the other participant of A has none (404 too).
	{ target: 'GET /cohorts/[id]/certificate.pdf', expect: { ...ENTRY_OWNER } },
	{ target: 'GET /cohorts/[id]/credential.jwt', expect: { ...ENTRY_OWNER } },
	{ target: 'GET /cohorts/[id]/sessions/[n]/pulse', expect: PLACE_IN_A },
	{
		target: 'POST /cohorts/[id]/sessions/[n]/pulse',
		body: { useful: '9' },
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},
	// Evaluation answers: only the participant answers their own questionnaire.
	{ target: 'GET /cohorts/[id]/evaluation/[phase]', expect: PLACE_IN_A },
	{
		target: 'GET /cohorts/[id]/evaluation/[phase]',
		variant: 'after the course',
		params: { phase: 'phase:post' },
		expect: PLACE_IN_A
	},
	{
		target: 'POST /cohorts/[id]/evaluation/[phase]',
		body: (f) => ({ [f.evaluationItem]: '<99>' }),
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},

	/* ---- The workbook: private unless its owner shares it, and only while shared ---- */
	{ target: 'GET /cohorts/[id]/workbook', expect: MEMBER_A },
	{
		target: 'POST /cohorts/[id]/workbook?/reminder',
		body: EMPTY,
		expect: { ...MEMBER_A, facilitatorA: 'not-found', admin: 'not-found' }
	},
	{ target: 'GET /cohorts/[id]/workbook/shared', expect: MEMBER_A },
	{ target: 'GET /cohorts/[id]/workbook/sessions/[n]', expect: PLACE_IN_A },
	{
		target: 'POST /cohorts/[id]/workbook/sessions/[n]?/add',
		body: EMPTY,
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},
	{
		target: 'POST /cohorts/[id]/workbook/sessions/[n]?/mapSubject',
		body: EMPTY,
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},
	{
		target: 'POST /cohorts/[id]/workbook/sessions/[n]?/snapshot',
		body: EMPTY,
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},
	{ target: 'GET /cohorts/[id]/workbook/map/compare', expect: PLACE_IN_A },
	{
		target: 'POST /cohorts/[id]/workbook/drafts',
		body: { json: {} },
		expect: whenAllowed(PLACE_IN_A, 'bad-input')
	},
	// The exports of the workbook: its owner's own, nobody else's.
	{ target: 'GET /cohorts/[id]/workbook/workbook.json', expect: PLACE_IN_A },
	{ target: 'GET /cohorts/[id]/workbook/workbook.pdf', expect: PLACE_IN_A },
	{
		target: 'GET /cohorts/[id]/workbook/entries/[entryId]',
		variant: 'private',
		params: { entryId: 'entryId:private' },
		expect: ENTRY_OWNER
	},
	{
		target: 'GET /cohorts/[id]/workbook/entries/[entryId]',
		variant: 'shared with the facilitators',
		params: { entryId: 'entryId:facilitators' },
		expect: { ...ENTRY_OWNER, facilitatorA: 'ok' }
	},
	{
		target: 'GET /cohorts/[id]/workbook/entries/[entryId]',
		variant: 'shared with the group',
		params: { entryId: 'entryId:cohort' },
		expect: { ...ENTRY_OWNER, facilitatorA: 'ok', fellowA: 'ok' }
	},
	{
		target: 'GET /cohorts/[id]/workbook/entries/[entryId]',
		variant: 'shared, then withdrawn',
		params: { entryId: 'entryId:withdrawn' },
		expect: ENTRY_OWNER
	},
	// Under another cohort's address, even its members and facilitators find nothing.
	{
		target: 'GET /cohorts/[id]/workbook/entries/[entryId]',
		variant: 'shared with group A, asked under cohort B',
		params: { id: 'id:cohort-b', entryId: 'entryId:cohort' },
		expect: expectation('not-found', { anonymous: 'sign-in', roleless: 'profile' })
	},
	// A version that does not exist and no text: the owner is refused (400), others 404.
	{
		target: 'POST /cohorts/[id]/workbook/entries/[entryId]?/save',
		params: { entryId: 'entryId:private' },
		body: { base: '999' },
		expect: whenAllowed(ENTRY_OWNER, 'bad-input')
	},
	// Reading an entry shared with you does not let you change it.
	{
		target: 'POST /cohorts/[id]/workbook/entries/[entryId]?/save',
		variant: 'shared with the group',
		params: { entryId: 'entryId:cohort' },
		body: { base: '999' },
		expect: whenAllowed(ENTRY_OWNER, 'bad-input')
	},
	{
		target: 'POST /cohorts/[id]/workbook/entries/[entryId]?/keepBoth',
		params: { entryId: 'entryId:private' },
		body: EMPTY,
		expect: whenAllowed(ENTRY_OWNER, 'bad-input')
	},
	// Sharing as it already is: the owner changes nothing (200); nobody else may share it.
	{
		target: 'POST /cohorts/[id]/workbook/entries/[entryId]?/share',
		params: { entryId: 'entryId:private' },
		body: { sharing: 'private' },
		expect: ENTRY_OWNER
	},
	{
		target: 'POST /cohorts/[id]/workbook/entries/[entryId]?/share',
		variant: 'shared with the group',
		params: { entryId: 'entryId:cohort' },
		body: { sharing: 'cohort' },
		expect: ENTRY_OWNER
	},
	// Everyone else tries first; then its owner removes it.
	{
		target: 'POST /cohorts/[id]/workbook/entries/[entryId]?/remove',
		params: { entryId: 'entryId:disposable' },
		body: EMPTY,
		last: 'removes-data',
		expect: { ...ENTRY_OWNER, participantA: 'redirect:/cohorts/[id]/workbook/sessions/4' }
	},

	/* ---- The live room of cohort A's first session (running now) ---- */
	{ target: 'GET /live/[sessionId]', expect: LIVE_A },
	{
		target: 'POST /live/[sessionId]?/audio',
		body: { on: '0' },
		expect: whenAllowed(LIVE_A, 'redirect:/live/[sessionId]')
	},
	{
		target: 'POST /live/[sessionId]?/answer',
		body: EMPTY,
		expect: { ...whenAllowed(LIVE_A, 'bad-input'), facilitatorA: 'forbidden', admin: 'forbidden' }
	},
	{
		target: 'POST /live/[sessionId]?/upvote',
		body: EMPTY,
		expect: { ...whenAllowed(LIVE_A, 'bad-input'), facilitatorA: 'forbidden', admin: 'forbidden' }
	},
	{
		target: 'POST /live/[sessionId]?/moment',
		body: EMPTY,
		expect: { ...whenAllowed(LIVE_A, 'bad-input'), facilitatorA: 'forbidden', admin: 'forbidden' }
	},
	{ target: 'GET /live/[sessionId]/events', stream: true, expect: LIVE_A },
	{
		target: 'GET /live/[sessionId]/cases/[caseId]',
		params: { sessionId: 'sessionId:case' },
		expect: LIVE_A
	},
	{ target: 'GET /live/[sessionId]/console', expect: LIVE_MANAGER_A },
	{
		target: 'POST /live/[sessionId]/console',
		body: EMPTY,
		expect: whenAllowed(LIVE_MANAGER_A, 'bad-input')
	},
	{ target: 'GET /live/[sessionId]/projector', expect: LIVE_MANAGER_A },
	{ target: 'GET /live/[sessionId]/record', expect: LIVE_A },
	{ target: 'GET /live/[sessionId]/record.json', expect: LIVE_MANAGER_A }
];

/** A row's name in messages: its target, and its variant if it has one. */
export const rowName = (r: Pick<Row, 'target' | 'variant'>) =>
	r.variant ? `${r.target} (${r.variant})` : r.target;
