// Seeds a database for the live benchmark and the crash soak: one organisation, the real
// course, two facilitators, and `sessions` cohorts whose first session is under way, with 18
// participants each. Returns sign-in cookies.
import { parseConfig } from '../../src/lib/server/config.ts';
import { openDb } from '../../src/lib/server/db/client.ts';
import { createAuth } from '../../src/lib/server/auth/auth.ts';
import { createAccount } from '../../src/lib/server/accounts/create-account.ts';
import { addMembership, findUserByEmail } from '../../src/lib/server/accounts/users.queries.ts';
import { insertOrganisation } from '../../src/lib/server/organisations/organisations.queries.ts';
import { loadCoursePackage } from '../../src/lib/server/courses/load-course-package.ts';
import { validateCoursePackage } from '../../src/lib/server/courses/validate-course-package.ts';
import { importCourseVersion } from '../../src/lib/server/courses/import-course-version.ts';
import { createCohort } from '../../src/lib/server/cohorts/create-cohort.ts';
import { insertEnrolment } from '../../src/lib/server/enrolment/enrolment.queries.ts';
import { listSessions } from '../../src/lib/server/schedule/schedule.queries.ts';

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-123456';
const PASSWORD = 'bench-password-2026';

export type LiveSeed = {
	/** The lead facilitator's sign-in cookie. */
	lead: string;
	/** The first session of each cohort. */
	sessionIds: string[];
	/** Every participant's place: which session, with which sign-in cookie. */
	participants: { session: string; cookie: string; userId: string; cohortId: string }[];
};

/**
 * `ownPeople`: each session gets 18 people of its own (the crash soak: the live room allows a
 * person 120 posts a minute, so the same 18 in every session would soon be refused instead of
 * tested); otherwise the same 18 people sit in every session (the benchmark's 18 × sessions).
 */
export async function seedLive(
	databaseUrl: string,
	origin: string,
	sessions: number,
	opts: { slug?: string; ownPeople?: boolean } = {}
): Promise<LiveSeed> {
	const slug = opts.slug ?? 'bench';
	const cfg = parseConfig({
		NODE_ENV: 'development',
		DATABASE_URL: databaseUrl,
		APP_ORIGIN: origin,
		AUTH_SECRET: BENCH_SECRET,
		LOG_LEVEL: 'silent'
	});
	const h = await openDb(databaseUrl);
	try {
		const auth = createAuth(h.db, cfg);
		const org = await insertOrganisation(h.db, { slug, name: `${slug} college` });
		const v = validateCoursePackage(loadCoursePackage('recovery-oriented-practice'));
		const version = await importCourseVersion(h.db, v.pkg!);
		const person = async (email: string, role: 'facilitator' | 'participant') => {
			await createAccount(auth, {
				email,
				name: email.split('@')[0],
				password: PASSWORD,
				locale: 'en',
				timeZone: 'UTC',
				pronouns: null
			});
			const u = (await findUserByEmail(h.db, email))!;
			await addMembership(h.db, { organisationId: org.id, userId: u.id, role });
			const res = (await auth.api.signInEmail({
				body: { email, password: PASSWORD },
				asResponse: true
			})) as Response;
			const cookie = res.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ');
			return { id: u.id, cookie };
		};
		const eighteen = (prefix: string) =>
			Promise.all(
				Array.from({ length: 18 }, (_, i) =>
					person(`${prefix}p${i}@${slug}.example.org`, 'participant')
				)
			);
		const lead = await person(`lead@${slug}.example.org`, 'facilitator');
		const co = await person(`co@${slug}.example.org`, 'facilitator');
		const shared = opts.ownPeople ? [] : await eighteen('');
		// The first session is under way (started five minutes ago), as during a live session:
		// no reminder is due, so the minute sweep does not compete with the measurement.
		const start = new Date(Date.now() - 5 * 60_000);
		const seed: LiveSeed = { lead: lead.cookie, sessionIds: [], participants: [] };
		for (let s = 0; s < sessions; s++) {
			const people = opts.ownPeople ? await eighteen(`s${s}`) : shared;
			const { cohort } = await createCohort(h.db, {
				organisationId: org.id,
				courseVersionId: version.id,
				name: `${slug} ${s}`,
				locale: 'en',
				timeZone: 'UTC',
				capacity: 18,
				joinNeedsApproval: false,
				completionRule: { minPresent: 3, required: [] },
				sessions: [0, 1, 2, 3].map((i) => ({
					number: i + 1,
					startsAt: new Date(start.getTime() + i * 7 * 86_400_000),
					endsAt: new Date(start.getTime() + i * 7 * 86_400_000 + 3 * 3_600_000),
					videoKind: 'none' as const,
					videoUrl: null,
					videoRoom: null,
					videoSecret: null
				})),
				createdBy: lead.id,
				creatorIsPeerTrainer: false,
				coFacilitators: [{ userId: co.id, peerTrainer: true }]
			});
			for (const p of people) {
				await insertEnrolment(h.db, { cohortId: cohort.id, userId: p.id, status: 'enrolled' });
			}
			const sessionId = (await listSessions(h.db, cohort.id))[0].id;
			seed.sessionIds.push(sessionId);
			seed.participants.push(
				...people.map((p) => ({
					session: sessionId,
					cookie: p.cookie,
					userId: p.id,
					cohortId: cohort.id
				}))
			);
		}
		return seed;
	} finally {
		await h.close();
	}
}
