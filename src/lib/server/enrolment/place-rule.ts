import type { Db } from '../db/client.ts';
import { countEnrolments, listFirstWaiting, setEnrolmentStatus } from './enrolment.queries.ts';
import { type Cohort } from '../cohorts/cohorts.queries.ts';
import { type Tx } from '../db/client.ts';

/*
 * Must run inside a transaction that holds the cohort's row lock (lockCohort): the counts it
 * reads then cannot change until commit, so two people can never both take the last place.
 */

/** Where a new (or approved) person goes: a free place, unless others are already waiting. */
export async function placeFor(tx: Tx, cohort: Cohort): Promise<'enrolled' | 'waitlisted'> {
	const enrolled = await countEnrolments(tx, cohort.id, 'enrolled');
	const waiting = await countEnrolments(tx, cohort.id, 'waitlisted');
	return enrolled < cohort.capacity && waiting === 0 ? 'enrolled' : 'waitlisted';
}

/** Fills every free place from the waiting list, first come first served. */
export async function promoteWaiting(tx: Tx, cohort: Cohort, now: Date) {
	const free = cohort.capacity - (await countEnrolments(tx, cohort.id, 'enrolled'));
	if (free <= 0) return [];
	const next = await listFirstWaiting(tx, cohort.id, free);
	const promoted = [];
	for (const e of next) {
		const row = await setEnrolmentStatus(tx, e.id, 'enrolled', now, ['waitlisted']);
		if (row) promoted.push(row);
	}
	return promoted;
}

/** 1-based place in the waiting list, by the order people asked. */
export async function waitlistPosition(q: Tx | Db, cohortId: string, seq: number) {
	const list = await listFirstWaiting(q, cohortId, 1000);
	return list.findIndex((e) => e.seq === seq) + 1;
}
