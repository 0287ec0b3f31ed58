import { randomInt } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/client.ts';
import { listSessionParticipants } from './live.queries.ts';

export type BreakoutMode = 'pairs' | 'trios' | 'language';

export type BreakoutGroup = { n: number; members: string[] };

/** One person's group as a facilitator chose it on the console. */
export type ManualPlacement = { enrolmentId: string; group: number };

export type ManualRefusal = 'unknown-person' | 'duplicate-person' | 'missing-person' | 'alone';

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
	const people = await listSessionParticipants(q, sessionId);
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
	return groups.map((members, i): BreakoutGroup => ({ n: i + 1, members }));
}

/**
 * Groups exactly as a facilitator placed people: every person with a place exactly once,
 * nobody else. Unused group numbers close up (groups 1, 3 and 4 become 1, 2 and 3), and
 * members keep the order of the list. Nobody sits alone, as with random groups, unless the
 * session has a single participant.
 */
export function placeManually(
	enrolled: string[],
	placements: ManualPlacement[]
): { ok: true; groups: BreakoutGroup[] } | { ok: false; reason: ManualRefusal } {
	const known = new Set(enrolled);
	const seen = new Set<string>();
	for (const p of placements) {
		if (!known.has(p.enrolmentId)) return { ok: false, reason: 'unknown-person' };
		if (seen.has(p.enrolmentId)) return { ok: false, reason: 'duplicate-person' };
		seen.add(p.enrolmentId);
	}
	if (seen.size !== known.size) return { ok: false, reason: 'missing-person' };
	const byNumber = new Map<number, string[]>();
	for (const p of placements) {
		byNumber.set(p.group, [...(byNumber.get(p.group) ?? []), p.enrolmentId]);
	}
	const groups = [...byNumber.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, members], i): BreakoutGroup => ({ n: i + 1, members }));
	if (enrolled.length > 1 && groups.some((g) => g.members.length < 2)) {
		return { ok: false, reason: 'alone' };
	}
	return { ok: true, groups };
}

/** Moves one person to another group (or a new one), by a facilitator's choice. */
export function movePerson(groups: BreakoutGroup[], enrolmentId: string, n: number) {
	if (!groups.some((g) => g.members.includes(enrolmentId))) return null;
	const out = groups.map((g) => ({ n: g.n, members: g.members.filter((m) => m !== enrolmentId) }));
	const target = out.find((g) => g.n === n);
	if (target) target.members.push(enrolmentId);
	else out.push({ n: Math.max(0, ...out.map((g) => g.n)) + 1, members: [enrolmentId] });
	return out.filter((g) => g.members.length > 0);
}
