import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { MapSubject } from '#lib/workbook/kinds.ts';
import {
	enrolments,
	liveAnswers,
	users,
	workbookEntries,
	workbookEntryViews,
	workbookMapSnapshots,
	workbookPreferences,
	type WorkbookKind,
	type WorkbookSharing
} from '../db/schema/index.ts';

export type WorkbookEntry = typeof workbookEntries.$inferSelect;

export async function findEntry(q: DbOrTx, id: string) {
	const [row] = await q.select().from(workbookEntries).where(eq(workbookEntries.id, id));
	return row;
}

export function listOwnEntries(
	q: DbOrTx,
	cohortId: string,
	userId: string,
	sessionNumber?: number
) {
	return q
		.select()
		.from(workbookEntries)
		.where(
			and(
				eq(workbookEntries.cohortId, cohortId),
				eq(workbookEntries.userId, userId),
				sessionNumber === undefined ? undefined : eq(workbookEntries.sessionNumber, sessionNumber)
			)
		)
		.orderBy(asc(workbookEntries.sessionNumber), asc(workbookEntries.createdAt));
}

/** Entries others shared with an audience, with the name the owner goes by in the cohort. */
export function listSharedEntries(
	q: DbOrTx,
	cohortId: string,
	audiences: WorkbookSharing[],
	excludeUserId: string
) {
	return q
		.select({
			entry: workbookEntries,
			ownerName: sql<string>`coalesce(${enrolments.displayName}, ${users.name})`
		})
		.from(workbookEntries)
		.innerJoin(users, eq(users.id, workbookEntries.userId))
		.leftJoin(
			enrolments,
			and(eq(enrolments.cohortId, workbookEntries.cohortId), eq(enrolments.userId, users.id))
		)
		.where(
			and(
				eq(workbookEntries.cohortId, cohortId),
				inArray(workbookEntries.sharing, audiences),
				ne(workbookEntries.userId, excludeUserId)
			)
		)
		.orderBy(asc(workbookEntries.sessionNumber), asc(workbookEntries.sharedAt));
}

export async function insertEntry(
	q: DbOrTx,
	e: {
		id: string;
		cohortId: string;
		userId: string;
		sessionNumber: number;
		kind: WorkbookKind;
		fields: Record<string, string>;
		sourceAnswerId?: string | null;
	}
) {
	const [row] = await q.insert(workbookEntries).values(e).onConflictDoNothing().returning();
	return row;
}

/** Writes new fields only if the entry is still at `baseVersion`; returns the row if it was. */
export async function updateEntryFields(
	q: DbOrTx,
	id: string,
	baseVersion: number,
	fields: Record<string, string>,
	now: Date,
	sharing?: WorkbookSharing
) {
	const [row] = await q
		.update(workbookEntries)
		.set({ fields, version: sql`${workbookEntries.version} + 1`, updatedAt: now, sharing })
		.where(and(eq(workbookEntries.id, id), eq(workbookEntries.version, baseVersion)))
		.returning();
	return row;
}

export async function setEntrySharing(q: DbOrTx, id: string, sharing: WorkbookSharing, now: Date) {
	const [row] = await q
		.update(workbookEntries)
		.set({ sharing, sharedAt: sharing === 'private' ? null : now })
		.where(eq(workbookEntries.id, id))
		.returning();
	return row;
}

export async function deleteEntry(q: DbOrTx, id: string) {
	await q.delete(workbookEntries).where(eq(workbookEntries.id, id));
}

export async function upsertEntryView(q: DbOrTx, entryId: string, viewerId: string, now: Date) {
	await q
		.insert(workbookEntryViews)
		.values({ entryId, viewerId, firstOpenedAt: now, lastOpenedAt: now })
		.onConflictDoUpdate({
			target: [workbookEntryViews.entryId, workbookEntryViews.viewerId],
			set: { lastOpenedAt: now }
		});
}

/** Who opened the given entries (their owner asks), with names. */
export function listEntryViews(q: DbOrTx, entryIds: string[]) {
	if (!entryIds.length) return Promise.resolve([]);
	return q
		.select({
			entryId: workbookEntryViews.entryId,
			name: users.name,
			firstOpenedAt: workbookEntryViews.firstOpenedAt,
			lastOpenedAt: workbookEntryViews.lastOpenedAt
		})
		.from(workbookEntryViews)
		.innerJoin(users, eq(users.id, workbookEntryViews.viewerId))
		.where(inArray(workbookEntryViews.entryId, entryIds))
		.orderBy(asc(workbookEntryViews.firstOpenedAt));
}

export async function insertMapSnapshot(
	q: DbOrTx,
	s: {
		cohortId: string;
		userId: string;
		label: string;
		ties: Record<string, string>[];
		subject: MapSubject;
	}
) {
	const [row] = await q.insert(workbookMapSnapshots).values(s).returning();
	return row;
}

export function listMapSnapshots(q: DbOrTx, cohortId: string, userId: string) {
	return q
		.select()
		.from(workbookMapSnapshots)
		.where(
			and(eq(workbookMapSnapshots.cohortId, cohortId), eq(workbookMapSnapshots.userId, userId))
		)
		.orderBy(asc(workbookMapSnapshots.createdAt));
}

export async function findWorkbookPreferences(q: DbOrTx, cohortId: string, userId: string) {
	const [row] = await q
		.select()
		.from(workbookPreferences)
		.where(and(eq(workbookPreferences.cohortId, cohortId), eq(workbookPreferences.userId, userId)));
	return row;
}

export async function upsertWorkbookPreferences(
	q: DbOrTx,
	p: { cohortId: string; userId: string; remindBeforeSession: boolean }
) {
	await q
		.insert(workbookPreferences)
		.values(p)
		.onConflictDoUpdate({
			target: [workbookPreferences.cohortId, workbookPreferences.userId],
			set: { remindBeforeSession: p.remindBeforeSession }
		});
}

/** Whom a person's community map in a cohort is about (the person themself unless chosen). */
export async function upsertMapSubject(
	q: DbOrTx,
	p: { cohortId: string; userId: string; mapSubject: MapSubject }
) {
	await q
		.insert(workbookPreferences)
		.values(p)
		.onConflictDoUpdate({
			target: [workbookPreferences.cohortId, workbookPreferences.userId],
			set: { mapSubject: p.mapSubject }
		});
}

/** How many entries a person has written per session (for the schedule's "you wrote" line). */
export async function countOwnEntriesBySession(q: DbOrTx, cohortId: string, userId: string) {
	const rows = await q
		.select({ n: workbookEntries.sessionNumber, c: sql<number>`count(*)::int` })
		.from(workbookEntries)
		.where(and(eq(workbookEntries.cohortId, cohortId), eq(workbookEntries.userId, userId)))
		.groupBy(workbookEntries.sessionNumber);
	return new Map(rows.map((r) => [r.n, r.c]));
}

/** A person's own answers in one live session (not passes), for their workbook. */
export function listOwnLiveAnswers(q: DbOrTx, cohortSessionId: string, enrolmentId: string) {
	return q
		.select({
			id: liveAnswers.id,
			blockId: liveAnswers.blockId,
			payload: liveAnswers.payload,
			shared: liveAnswers.shared
		})
		.from(liveAnswers)
		.where(
			and(
				eq(liveAnswers.cohortSessionId, cohortSessionId),
				eq(liveAnswers.enrolmentId, enrolmentId),
				eq(liveAnswers.passed, false)
			)
		)
		.orderBy(asc(liveAnswers.createdAt));
}

/** The name an entry's owner goes by in its cohort (their display name there, or their name). */
export async function findEntryOwnerName(q: DbOrTx, entryId: string) {
	const [row] = await q
		.select({ name: sql<string>`coalesce(${enrolments.displayName}, ${users.name})` })
		.from(workbookEntries)
		.innerJoin(users, eq(users.id, workbookEntries.userId))
		.leftJoin(
			enrolments,
			and(eq(enrolments.cohortId, workbookEntries.cohortId), eq(enrolments.userId, users.id))
		)
		.where(eq(workbookEntries.id, entryId));
	return row?.name ?? '';
}

export async function findEnrolmentById(q: DbOrTx, id: string) {
	const [row] = await q
		.select({ cohortId: enrolments.cohortId, userId: enrolments.userId })
		.from(enrolments)
		.where(eq(enrolments.id, id));
	return row;
}

/** Who in a cohort asked for the workbook reminder before each session. */
export async function listWorkbookReminderUsers(q: DbOrTx, cohortId: string) {
	const rows = await q
		.select({ userId: workbookPreferences.userId })
		.from(workbookPreferences)
		.where(
			and(
				eq(workbookPreferences.cohortId, cohortId),
				eq(workbookPreferences.remindBeforeSession, true)
			)
		);
	return rows.map((r) => r.userId);
}
