import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import type { OrgRole } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { forgetCurrentOrganisation } from '../organisations/current-organisation.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { leaveCohort } from '../enrolment/leave-cohort.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { liveAccess } from '../live/live-access.ts';
import { cohortAccess, requireManager } from './cohort-access.ts';

/*
 * Who may open a cohort's pages and its live sessions, decided against a real database: the
 * privacy promise that a cohort and everything in it is seen only by its own people.
 */

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();
let world: Awaited<ReturnType<typeof build>>;

function localsOf(p: { id: string; email: string } | null, roles: OrgRole[] = []): App.Locals {
	return {
		locale: 'en',
		user: p
			? {
					id: p.id,
					name: 'X',
					email: p.email,
					locale: 'en',
					timeZone: 'UTC',
					pronouns: null,
					country: null
				}
			: null,
		roles: {
			admin: roles.includes('admin'),
			facilitator: roles.includes('facilitator'),
			participant: roles.includes('participant'),
			peerTrainer: false
		}
	};
}

/** 'redirect' (to sign in), the HTTP status refused with, or what the person may do. */
async function outcome<T extends { manages: boolean; enrolment?: unknown }>(run: () => Promise<T>) {
	try {
		const r = await run();
		return r.manages ? 'manages' : r.enrolment ? 'participates' : 'sees';
	} catch (e) {
		if (isRedirect(e)) return 'redirect';
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

async function build() {
	forgetCurrentOrganisation();
	const mine = await makeCohort(h.db, { cfg, auth, capacity: 1 });
	const org = mine.org.id;
	const person = (roles: OrgRole[] = ['participant']) =>
		makePerson(h.db, auth, { organisationId: org, roles });
	const enrolled = await person();
	const waiting = await person();
	const left = await person();
	const noRole = await person([]);
	const admin = await person(['admin']);
	const stranger = await person();
	await joinCohort(h.db, cfg, { cohortId: mine.cohort.id, userId: enrolled.id, via: 'invitation' });
	await joinCohort(h.db, cfg, { cohortId: mine.cohort.id, userId: waiting.id, via: 'invitation' });
	await joinCohort(h.db, cfg, { cohortId: mine.cohort.id, userId: noRole.id, via: 'invitation' });
	await joinCohort(h.db, cfg, { cohortId: mine.cohort.id, userId: left.id, via: 'invitation' });
	await leaveCohort(h.db, cfg, { cohortId: mine.cohort.id, userId: left.id });
	// Another cohort of the same organisation, with its own facilitator.
	const other = await makeCohort(h.db, { cfg, auth });
	const [session] = await listSessions(h.db, mine.cohort.id);
	return { mine, other, enrolled, waiting, left, noRole, admin, stranger, session };
}

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
	world = await build();
});
afterAll(async () => {
	await h?.close();
});

describe('cohortAccess and liveAccess decide alike, on the database', () => {
	const cases: [string, () => App.Locals, string | number, string | number][] = [
		// who, their locals, cohort page, live session
		[
			'the cohort’s facilitator',
			() => localsOf(world.mine.lead, ['facilitator']),
			'manages',
			'manages'
		],
		[
			'its peer co-facilitator',
			() => localsOf(world.mine.peer, ['facilitator']),
			'manages',
			'manages'
		],
		['an admin of the organisation', () => localsOf(world.admin, ['admin']), 'manages', 'manages'],
		[
			'an enrolled participant',
			() => localsOf(world.enrolled, ['participant']),
			'participates',
			'participates'
		],
		[
			'a person on the waiting list',
			() => localsOf(world.waiting, ['participant']),
			'participates',
			404
		],
		['a person who left', () => localsOf(world.left, ['participant']), 404, 404],
		['an enrolled person whose roles were all removed', () => localsOf(world.noRole, []), 404, 404],
		['a participant of no cohort', () => localsOf(world.stranger, ['participant']), 404, 404],
		['another cohort’s facilitator', () => localsOf(world.other.lead, ['facilitator']), 404, 404],
		['nobody signed in', () => localsOf(null), 'redirect', 'redirect']
	];
	for (const [who, locals, page, live] of cases) {
		it(`${who}: cohort ${page}, live room ${live}`, async () => {
			expect(await outcome(() => cohortAccess(h.db, locals(), world.mine.cohort.id))).toBe(page);
			expect(await outcome(() => liveAccess(h.db, locals(), world.session.id))).toBe(live);
		});
	}

	it('ids that are not ids, or of nothing, reveal nothing', async () => {
		const l = localsOf(world.admin, ['admin']);
		for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
			expect(await outcome(() => cohortAccess(h.db, l, id))).toBe(404);
			expect(await outcome(() => liveAccess(h.db, l, id))).toBe(404);
		}
	});

	it('only those who manage may manage', async () => {
		expect(
			await outcome(() =>
				requireManager(h.db, localsOf(world.enrolled, ['participant']), world.mine.cohort.id)
			)
		).toBe(403);
		expect(
			await outcome(() =>
				requireManager(h.db, localsOf(world.mine.lead, ['facilitator']), world.mine.cohort.id)
			)
		).toBe('manages');
		// A facilitator seat without the facilitator role (the role was removed) manages nothing.
		expect(
			await outcome(() =>
				cohortAccess(h.db, localsOf(world.mine.lead, ['participant']), world.mine.cohort.id)
			)
		).toBe(404);
	});
});
