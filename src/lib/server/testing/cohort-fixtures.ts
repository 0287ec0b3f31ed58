import { createAuth, type Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loadCoursePackage } from '../courses/load-course-package.ts';
import { validateCoursePackage } from '../courses/validate-course-package.ts';
import { importCourseVersion } from '../courses/import-course-version.ts';
import { createCohort } from '../cohorts/create-cohort.ts';
import { makeOrganisation, makePerson } from './factories.ts';

const DAY = 86_400_000;
const imported = new WeakMap<Db, Promise<string>>();

/** The real course, imported once per database. */
export function courseVersionIn(db: Db) {
	let p = imported.get(db);
	if (!p) {
		const v = validateCoursePackage(loadCoursePackage('recovery-oriented-practice'));
		if (!v.pkg) throw new Error(v.errors.join('\n'));
		p = importCourseVersion(db, v.pkg).then((r) => r.id);
		imported.set(db, p);
	}
	return p;
}

/**
 * An organisation with two facilitators and a cohort whose four weekly sessions start
 * `firstInDays` from `now`, 18:00 UTC.
 */
export async function makeCohort(
	db: Db,
	opts: {
		now?: Date;
		capacity?: number;
		firstInDays?: number;
		approval?: boolean;
		auth?: Auth;
		cfg: Config;
		/** Pins the cohort to this course version instead of the current package's. */
		courseVersionId?: string;
	}
) {
	const now = opts.now ?? new Date();
	const auth = opts.auth ?? createAuth(db, opts.cfg);
	const org = await makeOrganisation(db);
	const lead = await makePerson(db, auth, {
		organisationId: org.id,
		roles: ['facilitator'],
		name: 'Lead Facilitator'
	});
	const peer = await makePerson(db, auth, {
		organisationId: org.id,
		roles: ['facilitator'],
		name: 'Peer Trainer'
	});
	const first = new Date(now.getTime() + (opts.firstInDays ?? 2) * DAY);
	first.setUTCHours(18, 0, 0, 0);
	const { cohort } = await createCohort(
		db,
		{
			organisationId: org.id,
			courseVersionId: opts.courseVersionId ?? (await courseVersionIn(db)),
			name: 'Spring group',
			locale: 'en',
			timeZone: 'Europe/Prague',
			capacity: opts.capacity ?? 18,
			joinNeedsApproval: !!opts.approval,
			completionRule: { minPresent: 3, required: [] },
			sessions: [0, 1, 2, 3].map((i) => ({
				number: i + 1,
				startsAt: new Date(first.getTime() + i * 7 * DAY),
				endsAt: new Date(first.getTime() + i * 7 * DAY + 3 * 3_600_000),
				videoKind: 'none' as const,
				videoUrl: null,
				videoRoom: null,
				videoSecret: null
			})),
			createdBy: lead.id,
			creatorIsPeerTrainer: false,
			coFacilitators: [{ userId: peer.id, peerTrainer: true }]
		},
		now
	);
	return { org, lead, peer, cohort, auth };
}
