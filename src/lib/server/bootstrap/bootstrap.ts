import type { AppContext } from '../context.ts';
import { log } from '../log.ts';
import {
	findFirstOrganisation,
	insertOrganisation,
	lockBootstrap
} from '../organisations/organisations.queries.ts';
import { createAuth } from '../auth/auth.ts';
import { countAdmins } from '../accounts/users.queries.ts';
import { inviteMember } from '../accounts/invite-member.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from './seed-demo.ts';
import { seedDemoCohort } from './seed-demo-cohort.ts';
import { importCoursePackage } from '../courses/import-course-package.ts';
import { findLatestVersion } from '../courses/course-versions.queries.ts';
import type { CoursePackage } from '../courses/validate-course-package.ts';
import { seedCrisisResources } from '../safety/seed-crisis-resources.ts';

export const COURSE_SLUGS = ['recovery-oriented-practice'];

export type BootstrapResult = {
	seeded: boolean;
	demo?: {
		email: string;
		password: string;
		/** On the start that seeded it: when the demo group's Day 2 room closes. */
		roomOpenUntil?: string;
	};
};

/**
 * Runs once at start, after migrations: imports the course packages and makes sure the
 * organisation exists; on an empty database outside production it seeds the demo people and
 * a group in the middle of the course (seed-demo-cohort.ts), with times relative to `now`.
 * Later starts find the organisation and change none of it. In production the first admin
 * is invited through INITIAL_ADMIN_EMAIL (the link goes by SMTP or into the outbox log).
 */
export async function bootstrap(
	ctx: AppContext,
	opts: { now?: Date } = {}
): Promise<BootstrapResult> {
	const { db, cfg } = ctx;
	const now = opts.now ?? new Date();
	const demo = cfg.NODE_ENV !== 'production' && cfg.DEMO_SEED === 'auto';
	// The course comes first: the demo group pins the version imported here.
	for (const slug of COURSE_SLUGS) {
		const r = await importCoursePackage(db, slug);
		if (r.status === 'invalid') {
			log.error({ slug, errors: r.errors.slice(0, 20) }, 'course package has errors; not imported');
		} else if (r.status === 'imported' && r.created) {
			log.info({ slug, version: r.version }, 'imported a new course version');
		}
	}
	/*
	 * The organisation, its demo people, the demo group and its crisis lines are created in
	 * ONE transaction: a start killed half-way leaves an empty database (the next start seeds
	 * it again), never an organisation whose advertised admin cannot sign in or a group cut
	 * off half-way through Day 1. The lock keeps two instances starting together on one
	 * database from both seeding.
	 */
	let empty = false;
	let roomOpenUntil: Date | undefined;
	const org = await db.transaction(async (tx) => {
		await lockBootstrap(tx);
		let o = await findFirstOrganisation(tx);
		if (!o) {
			empty = true;
			o = await insertOrganisation(tx, {
				slug: demo ? 'demo' : 'main',
				name: process.env.ORG_NAME || (demo ? 'Demo Recovery College' : 'Trellis'),
				// The demo works in the Netherlands, whose verified lines are seeded below; a real
				// organisation's admin sets its country on the admin overview.
				country: demo ? 'NL' : null
			});
			if (demo) {
				// better-auth writes the accounts through the same transaction.
				const people = await seedDemo(tx, createAuth(tx, cfg), o.id);
				const course = await findLatestVersion(tx, COURSE_SLUGS[0]);
				if (course) {
					const group = await seedDemoCohort(tx, {
						organisationId: o.id,
						courseVersionId: course.id,
						pkg: course.package as CoursePackage,
						people,
						now
					});
					roomOpenUntil = group.roomOpenUntil;
				} else {
					log.warn('no course version to run: the demo has no group in progress');
				}
			}
		}
		// An organisation never runs without the verified crisis lines; admins add the rest.
		if ((await seedCrisisResources(tx, o.id)) > 0) log.info('seeded the verified crisis resources');
		return o;
	});
	if (empty && demo) log.info({ organisation: org.name }, 'seeded the demo organisation');
	const initialAdmin = process.env.INITIAL_ADMIN_EMAIL;
	if (initialAdmin && (await countAdmins(db, org.id)) === 0) {
		const r = await inviteMember(db, cfg, {
			organisation: org,
			email: initialAdmin,
			role: 'admin',
			locale: 'en',
			invitedBy: null,
			linkReader: 'operator'
		});
		if (r.ok) log.info({ email: initialAdmin }, 'invited the first admin; see the email or outbox');
	}
	const seeded = empty && demo;
	if (!seeded && !(org.slug === 'demo' && cfg.NODE_ENV !== 'production')) return { seeded };
	return {
		seeded,
		demo: {
			email: DEMO_ADMIN_EMAIL,
			password: DEMO_PASSWORD,
			...(roomOpenUntil ? { roomOpenUntil: roomOpenUntil.toISOString() } : {})
		}
	};
}
