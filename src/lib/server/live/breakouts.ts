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
export async function assignBreakouts(
	q: Db | Tx,
	sessionId: string,
	mode: BreakoutMode,
	keepApart: [string, string][] = []
) {
	const people = await q
		.select({ id: enrolments.id, locale: users.locale })
		.from(cohortSessions)
		.innerJoin(enrolments, eq(enrolments.cohortId, cohortSessions.cohortId))
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(cohortSessions.id, sessionId), eq(enrolments.status, 'enrolled')));
	const draw = () => {
		if (mode === 'language') {
			const byLocale = new Map<string, string[]>();
			for (const p of people) byLocale.set(p.locale, [...(byLocale.get(p.locale) ?? []), p.id]);
			return [...byLocale.values()].flatMap((ids) => chunk(shuffle(ids), 2));
		}
		return chunk(shuffle(people.map((p) => p.id)), mode === 'pairs' ? 2 : 3);
	};
	const apart = (g: string[][]) =>
		keepApart.every(([a, b]) => !g.some((m) => m.includes(a) && m.includes(b)));
	// Random draws until the keep-apart wishes hold; with few people that may be impossible,
	// and then the last draw is used (the console shows the groups, and people can be moved).
	let groups = draw();
	for (let i = 0; i < 200 && !apart(groups); i++) groups = draw();
	return groups.map((members, i) => ({ n: i + 1, members }));
}

/** Moves one person to another group (or a new one), by a facilitator's choice. */
export function movePerson(
	groups: { n: number; members: string[] }[],
	enrolmentId: string,
	n: number
) {
	if (!groups.some((g) => g.members.includes(enrolmentId))) return null;
	const out = groups.map((g) => ({ n: g.n, members: g.members.filter((m) => m !== enrolmentId) }));
	const target = out.find((g) => g.n === n);
	if (target) target.members.push(enrolmentId);
	else out.push({ n: Math.max(0, ...out.map((g) => g.n)) + 1, members: [enrolmentId] });
	return out.filter((g) => g.members.length > 0);
}
