import { randomUUID } from 'node:crypto';
import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { addMembership } from '../accounts/users.queries.ts';
import { addEntry } from '../workbook/add-entry.ts';
import { makePerson } from './factories.ts';
import { makeCohort } from './cohort-fixtures.ts';

/**
 * A cohort with two participants (`owner` and `peer`), its facilitators, another cohort's
 * facilitator and an admin. `add` writes an entry into the owner's workbook (or `who`'s);
 * `viewers` names everyone whose reading of an entry the workbook's rules decide.
 */
export async function makeWorkbookCohort(db: Db, opts: { cfg: Config; auth: Auth }) {
	const { cfg, auth } = opts;
	const c = await makeCohort(db, { cfg, auth });
	const other = await makeCohort(db, { cfg, auth });
	const owner = await makePerson(db, auth, { organisationId: c.org.id, name: 'Owner' });
	const peer = await makePerson(db, auth, { organisationId: c.org.id, name: 'Peer' });
	for (const p of [owner, peer]) {
		await joinCohort(db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
	}
	const admin = await makePerson(db, auth, {
		organisationId: c.org.id,
		roles: ['admin', 'facilitator'],
		name: 'Admin'
	});
	// The other cohort's facilitator works in the same organisation.
	await addMembership(db, {
		organisationId: c.org.id,
		userId: other.lead.id,
		role: 'facilitator'
	});
	const add = (sessionNumber: number, kind: string, fields: Record<string, unknown>, who = owner) =>
		addEntry(db, {
			id: randomUUID(),
			cohortId: c.cohort.id,
			userId: who.id,
			sessionNumber,
			kind,
			fields
		});
	const viewers = {
		owner: owner.id,
		peer: peer.id,
		facilitator: c.lead.id,
		otherFacilitator: other.lead.id,
		admin: admin.id
	};
	return { c, owner, peer, admin, other, add, viewers };
}
