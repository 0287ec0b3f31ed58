import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../cohorts/cohorts.queries.ts';
import { cohortSessions, enrolments, users } from '../db/schema/index.ts';

export type BreakoutMode = 'pairs' | 'trios' | 'language';

function shuffle<T>(list: T[]): T[] {
	const a = [...list];
	for (let i = a.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

/*
 * Chunks people into groups of `size`; a remainder of one joins the last group rather than
 * sitting alone (pairs of 7 people: two pairs and a trio).
 */
export function chunk<T>(people: T[], size: number): T[][] {
	const groups: T[][] = [];
	for (let i = 0; i < people.length; i += size) groups.push(people.slice(i, i + size));
	if (groups.length > 1 && groups[groups.length - 1].length === 1) {
		groups[groups.length - 2].push(...groups.pop()!);
	}
	return groups;
}

/**
 * Random pairs or trios, or groups by language (pairs within each language, so people can
 * talk in the language they chose). Everyone with a place in the cohort is assigned.
 */
export async function assignBreakouts(q: Db | Tx, sessionId: string, mode: BreakoutMode) {
	const people = await q
		.select({ id: enrolments.id, locale: users.locale })
		.from(cohortSessions)
		.innerJoin(enrolments, eq(enrolments.cohortId, cohortSessions.cohortId))
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(cohortSessions.id, sessionId), eq(enrolments.status, 'enrolled')));
	let groups: string[][];
	if (mode === 'language') {
		const byLocale = new Map<string, string[]>();
		for (const p of people) byLocale.set(p.locale, [...(byLocale.get(p.locale) ?? []), p.id]);
		groups = [...byLocale.values()].flatMap((ids) => chunk(shuffle(ids), 2));
	} else {
		groups = chunk(shuffle(people.map((p) => p.id)), mode === 'pairs' ? 2 : 3);
	}
	return groups.map((members, i) => ({ n: i + 1, members }));
}
