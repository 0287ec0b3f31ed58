import type { Db } from '../db/client.ts';
import type { CompletionRule } from '../db/schema/index.ts';
import { newToken } from '../security/tokens.ts';
import type { SessionVideo } from './cohort-input.ts';
import { insertCohort, insertFacilitators } from './cohorts.queries.ts';
import { insertSessions } from '../schedule/schedule.queries.ts';

export type NewCohort = {
	organisationId: string;
	courseVersionId: string;
	name: string;
	locale: string;
	timeZone: string;
	capacity: number;
	joinNeedsApproval: boolean;
	completionRule: CompletionRule;
	sessions: ({ number: number; startsAt: Date; endsAt: Date } & SessionVideo)[];
	createdBy: string;
	creatorIsPeerTrainer: boolean;
	/** Peer trainers keep the flag they chose on their profile; it never changes their rights. */
	coFacilitators: { userId: string; peerTrainer: boolean }[];
};

/**
 * Creates a cohort with its sessions and facilitators in one transaction, pinned to the
 * course version given. Its sessions count as scheduled at `now` (see the reminder rule in
 * schedule/send-reminders.ts).
 */
export async function createCohort(db: Db, c: NewCohort, now = new Date()) {
	const joinToken = newToken();
	const cohort = await db.transaction(async (tx) => {
		const row = await insertCohort(tx, {
			organisationId: c.organisationId,
			courseVersionId: c.courseVersionId,
			name: c.name,
			locale: c.locale,
			timeZone: c.timeZone,
			capacity: c.capacity,
			joinNeedsApproval: c.joinNeedsApproval,
			completionRule: c.completionRule,
			joinToken,
			createdBy: c.createdBy
		});
		await insertSessions(
			tx,
			c.sessions.map((s) => ({ ...s, cohortId: row.id, scheduledAt: now }))
		);
		await insertFacilitators(tx, [
			{ cohortId: row.id, userId: c.createdBy, peerTrainer: c.creatorIsPeerTrainer },
			...c.coFacilitators
				.filter((f) => f.userId !== c.createdBy)
				.map((f) => ({ cohortId: row.id, userId: f.userId, peerTrainer: f.peerTrainer }))
		]);
		return row;
	});
	return { cohort, joinToken };
}
