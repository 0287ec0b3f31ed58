import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MAIL_APP } from '../../playwright.config.ts';
import { appDataDirFile } from '../support/app-data-dir.ts';
import type { RoleName } from '../access-matrix/matrix.ts';

/*
 * The seeded world the access matrix (access-matrix.e2e.ts) asks about: two cohorts of its own
 * on the "mail" app's database, built with the app's own use cases, so the demo people and
 * the other browser tests' groups are not touched. Cohort A's first session is running now
 * (its room is open); everything else lies ahead.
 */

export const MATRIX_PASSWORD = 'access-matrix-password-2026';

/** Words that must never reach anyone but the entry's owner (or its audience). */
export type Markers = {
	private: string;
	withdrawn: string;
	facilitators: string;
	cohort: string;
	/** Words participant A kept to herself in the live room ("only you can read it"). */
	kept: string;
	/** Her answer to an open question of the questionnaire: only ever counted, in a group too small to show. */
	evaluation: string;
};

export type MatrixFixture = {
	/** Sign-in emails per role (anonymous has none). */
	emails: Record<Exclude<RoleName, 'anonymous'>, string>;
	/** Values for route parameters, by parameter name, plus named alternatives. */
	params: Record<string, string>;
	/** A questionnaire item id of the course's evaluation, for an answer it refuses. */
	evaluationItem: string;
	/** Participant A's certificate, her place in cohort A and its first session. */
	certificateA: string;
	enrolmentA: string;
	sessionA: string;
	markers: Markers;
	/** Cohort A and the owner of its entries, to check afterwards that the entries are unchanged. */
	cohortA: string;
	ownerId: string;
};

const MIN = 60_000;
const DAY = 86_400_000;

export async function seedMatrixFixture(): Promise<MatrixFixture> {
	const { runningServer, EMBEDDED_DATABASE } =
		await import('../../src/lib/server/db/embedded-postgres.ts');
	const { openDb, withDatabase } = await import('../../src/lib/server/db/client.ts');
	const { parseConfig } = await import('../../src/lib/server/config.ts');
	const { createAuth } = await import('../../src/lib/server/auth/auth.ts');
	const { createAccount } = await import('../../src/lib/server/accounts/create-account.ts');
	const { addMembership } = await import('../../src/lib/server/accounts/users.queries.ts');
	const { currentOrganisation } =
		await import('../../src/lib/server/organisations/current-organisation.ts');
	const { loadCourse } = await import('../../src/lib/server/courses/course-view.ts');
	const { COURSE_SLUGS } = await import('../../src/lib/server/bootstrap/bootstrap.ts');
	const { createCohort } = await import('../../src/lib/server/cohorts/create-cohort.ts');
	const { joinCohort } = await import('../../src/lib/server/enrolment/join-cohort.ts');
	const { findEnrolment } = await import('../../src/lib/server/enrolment/enrolment.queries.ts');
	const { loadCohortContext } = await import('../../src/lib/server/cohorts/cohort-context.ts');
	const { addEntry } = await import('../../src/lib/server/workbook/add-entry.ts');
	const { shareEntry } = await import('../../src/lib/server/workbook/share-entry.ts');
	const { facilitate } = await import('../../src/lib/server/live/facilitate.ts');
	const { submitAnswer } = await import('../../src/lib/server/live/submit-answer.ts');
	const { answerEvaluation } = await import('../../src/lib/server/evaluation/answer-evaluation.ts');
	const { issueCertificate } =
		await import('../../src/lib/server/certificates/issue-certificate.ts');
	const { renewCalendarFeed } = await import('../../src/lib/server/calendar/calendar-feed.ts');
	const { listCrisisResources } =
		await import('../../src/lib/server/safety/crisis-resources.queries.ts');
	const { listOutbox } = await import('../../src/lib/server/notifications/outbox.queries.ts');

	const dataDir = readFileSync(appDataDirFile(new URL(MAIL_APP).port), 'utf8');
	const server = runningServer(dataDir);
	if (!server) throw new Error(`No running database in ${dataDir}`);
	const h = await openDb(withDatabase(server, EMBEDDED_DATABASE), { max: 2, migrate: false });
	try {
		const db = h.db;
		const cfg = parseConfig({ NODE_ENV: 'test', APP_ORIGIN: MAIL_APP, LOG_LEVEL: 'silent' });
		const auth = createAuth(db, cfg);
		const org = await currentOrganisation(db);
		const tag = randomBytes(3).toString('hex');

		const person = async (
			key: string,
			name: string,
			roles: ('admin' | 'facilitator' | 'participant')[]
		) => {
			const email = `matrix-${key}-${tag}@example.org`;
			const { id } = await createAccount(auth, {
				email,
				name,
				password: MATRIX_PASSWORD,
				locale: 'en',
				timeZone: 'Europe/Prague'
			});
			for (const role of roles) {
				await addMembership(db, { organisationId: org.id, userId: id, role });
			}
			return { id, email };
		};
		const participantA = await person('participant-a', 'Matrix Owner A', ['participant']);
		const fellowA = await person('fellow-a', 'Matrix Fellow A', ['participant']);
		const participantB = await person('participant-b', 'Matrix Participant B', ['participant']);
		const facilitatorA = await person('facilitator-a', 'Matrix Facilitator A', ['facilitator']);
		const facilitatorB = await person('facilitator-b', 'Matrix Facilitator B', ['facilitator']);
		const admin = await person('admin', 'Matrix Admin', ['admin']);
		const roleless = await person('roleless', 'Matrix Roleless', []);

		const course = await loadCourse(db, COURSE_SLUGS[0], 'en');
		if (!course) throw new Error('the course is not imported');
		const now = Date.now();
		const cohort = async (name: string, lead: string, firstStart: number) =>
			(
				await createCohort(
					db,
					{
						organisationId: org.id,
						courseVersionId: course.id,
						name: `${name} ${tag}`,
						locale: 'en',
						timeZone: 'Europe/Prague',
						capacity: 18,
						joinNeedsApproval: false,
						completionRule: { minPresent: 3, required: [] },
						sessions: [0, 1, 2, 3].map((i) => ({
							number: i + 1,
							startsAt: new Date(firstStart + i * 7 * DAY),
							endsAt: new Date(firstStart + i * 7 * DAY + 180 * MIN),
							videoKind: 'none' as const,
							videoUrl: null,
							videoRoom: null,
							videoSecret: null
						})),
						createdBy: lead,
						creatorIsPeerTrainer: false,
						coFacilitators: []
					},
					new Date(now - DAY)
				)
			).cohort;
		// A's first session began ten minutes ago: its room is open to its participants.
		const a = await cohort('Matrix A', facilitatorA.id, now - 10 * MIN);
		const b = await cohort('Matrix B', facilitatorB.id, now + 2 * DAY);
		for (const [c, p] of [
			[a, participantA],
			[a, fellowA],
			[b, participantB]
		] as const) {
			const r = await joinCohort(db, cfg, { cohortId: c.id, userId: p.id, via: 'invitation' });
			if (!r.ok) throw new Error(`joining failed: ${r.reason}`);
		}

		const markers: Markers = {
			private: `matrix-private-${tag}`,
			withdrawn: `matrix-withdrawn-${tag}`,
			facilitators: `matrix-for-facilitators-${tag}`,
			cohort: `matrix-for-the-group-${tag}`,
			kept: `matrix-kept-in-the-room-${tag}`,
			evaluation: `matrix-evaluation-answer-${tag}`
		};
		const entry = async (session: number, text: string) => {
			const r = await addEntry(db, {
				id: randomUUID(),
				cohortId: a.id,
				userId: participantA.id,
				sessionNumber: session,
				kind: 'reflection',
				fields: { text }
			});
			if (!r.ok) throw new Error(`entry refused: ${r.reason}`);
			return r.entry.id;
		};
		const share = async (entryId: string, sharing: 'private' | 'facilitators' | 'cohort') => {
			const r = await shareEntry(db, {
				entryId,
				cohortId: a.id,
				userId: participantA.id,
				sharing
			});
			if (!r.ok) throw new Error(`sharing refused: ${r.reason}`);
		};
		const privateEntry = await entry(1, markers.private);
		const facilitatorsEntry = await entry(2, markers.facilitators);
		await share(facilitatorsEntry, 'facilitators');
		const cohortEntry = await entry(3, markers.cohort);
		await share(cohortEntry, 'cohort');
		// Shared with the group, then withdrawn: private again, for everyone but its owner.
		const withdrawnEntry = await entry(3, markers.withdrawn);
		await share(withdrawnEntry, 'cohort');
		await share(withdrawnEntry, 'private');
		// The one the owner removes at the end of the run.
		const disposableEntry = await entry(4, `matrix-disposable-${tag}`);

		const enrolment = await findEnrolment(db, a.id, participantA.id);
		const cert = await issueCertificate(db, {
			cohortId: a.id,
			enrolmentId: enrolment!.id,
			by: facilitatorA.id,
			reason: 'Access matrix fixture'
		});
		if (!cert.ok) throw new Error(`certificate refused: ${cert.reason}`);

		const ctx = (await loadCohortContext(db, a.id))!;
		const firstSession = ctx.sessions.find((s) => s.number === 1)!;

		// In the running session, participant A keeps her words to the open reflection to herself.
		const structure = ctx.pkg.sessions.find((s) => s.structure.number === 1)!.structure;
		const act = (action: Parameters<typeof facilitate>[1]['action']) =>
			facilitate(db, {
				sessionId: firstSession.id,
				structure,
				by: facilitatorA.id,
				action,
				announce: async () => {}
			});
		const reflection = structure.blocks.findIndex((bl) => bl.id === 'chime-reflection');
		if (reflection < 0) throw new Error('session 1 has no open reflection');
		for (let i = 0; i < reflection; i++) await act({ type: 'next' });
		await act({ type: 'start' });
		const kept = await submitAnswer(db, {
			sessionId: firstSession.id,
			structure,
			enrolmentId: enrolment!.id,
			clientId: randomUUID(),
			blockId: 'chime-reflection',
			pass: false,
			fields: { text: markers.kept, share: false },
			announce: async () => {}
		});
		if (!kept.ok) throw new Error(`the kept answer was refused: ${kept.reason}`);

		// Her questionnaire before the course, answered the day before it began.
		const evaluation = await answerEvaluation(db, cfg, {
			cohortId: a.id,
			phase: 'pre',
			userId: participantA.id,
			answers: { 'o-recovery-means': markers.evaluation },
			now: new Date(now - DAY)
		});
		if (!evaluation.ok) throw new Error(`the questionnaire was refused: ${evaluation.reason}`);
		// A session whose course text has a case sheet, for the case page.
		const caseSession = ctx.pkg.sessions.find((s) => s.structure.blocks.some((bl) => bl.case))!;
		const caseId = caseSession.structure.blocks.find((bl) => bl.case)!.case;
		const evaluationItem = ctx.pkg.evaluation?.structure.items[0]?.id;
		if (!caseId || !evaluationItem) throw new Error('the course has no case or no evaluation');

		const feed = await renewCalendarFeed(db, cfg, participantA.id);
		const resource = (await listCrisisResources(db, org.id))[0];
		if (!resource) throw new Error('no crisis resource is seeded');
		const email = (await listOutbox(db, 500)).find((e) => e.toAddress === participantA.email);
		if (!email) throw new Error('no email to participant A in the outbox');

		return {
			emails: {
				participantA: participantA.email,
				fellowA: fellowA.email,
				participantB: participantB.email,
				facilitatorA: facilitatorA.email,
				facilitatorB: facilitatorB.email,
				admin: admin.email,
				roleless: roleless.email
			},
			params: {
				id: a.id,
				'id:cohort-b': b.id,
				entryId: privateEntry,
				'entryId:private': privateEntry,
				'entryId:facilitators': facilitatorsEntry,
				'entryId:cohort': cohortEntry,
				'entryId:withdrawn': withdrawnEntry,
				'entryId:disposable': disposableEntry,
				sessionId: firstSession.id,
				// Session 2: ahead, so joining or giving feedback is refused without changing anything.
				n: '2',
				phase: 'pre',
				'phase:post': 'post',
				caseId,
				'sessionId:case': ctx.sessions.find((s) => s.number === caseSession.structure.number)!.id,
				slug: ctx.courseSlug,
				code: cert.certificate.code,
				file: new URL(feed).pathname.split('/').pop()!,
				token: ctx.cohort.joinToken!,
				'token:none': `no-such-token-${tag}`,
				'id:crisis-resource': resource.id,
				'id:outbox': email.id,
				// Whose erasure page an admin opens (an empty form is refused; nobody is erased).
				'id:person-b': participantB.id
			},
			evaluationItem,
			certificateA: cert.certificate.id,
			enrolmentA: enrolment!.id,
			sessionA: firstSession.id,
			markers,
			cohortA: a.id,
			ownerId: participantA.id
		};
	} finally {
		await h.close();
	}
}
