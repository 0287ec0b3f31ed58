// Seeds a database for the live benchmark: one organisation, the real course, one facilitator,
// 18 participants, and `sessions` cohorts whose first session starts in five minutes, all with
// the same 18 people (so 18 sign-ins give 18 × sessions streams). Returns sign-in cookies.
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

export async function seedLive(databaseUrl: string, origin: string, sessions: number) {
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
		const org = await insertOrganisation(h.db, { slug: 'bench', name: 'Bench College' });
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
		const lead = await person('lead@bench.example.org', 'facilitator');
		const co = await person('co@bench.example.org', 'facilitator');
		const people = [];
		for (let i = 0; i < 18; i++) {
			people.push(await person(`p${i}@bench.example.org`, 'participant'));
		}
		// The first session is under way (started five minutes ago), as during a live session:
		// no reminder is due, so the minute sweep does not compete with the measurement.
		const start = new Date(Date.now() - 5 * 60_000);
		const sessionIds: string[] = [];
		for (let s = 0; s < sessions; s++) {
			const { cohort } = await createCohort(h.db, {
				organisationId: org.id,
				courseVersionId: version.id,
				name: `Bench ${s}`,
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
			sessionIds.push((await listSessions(h.db, cohort.id))[0].id);
		}
		return { lead: lead.cookie, participants: people.map((p) => p.cookie), sessionIds };
	} finally {
		await h.close();
	}
}
