import type { MapSubject } from './kinds.ts';
import type { Tie } from './ecomap.ts';

/*
 * What changed between two community maps, as a plain list for people who cannot see the two
 * drawings side by side. Ties are matched by name (ignoring case and spaces around it); a name
 * used twice is matched in order. A renamed tie reads as one removed and one added: the map
 * stores no other identity for a tie across snapshots.
 */
export type MapChange =
	| { type: 'subject'; from: MapSubject; to: MapSubject }
	| { type: 'added'; name: string }
	| { type: 'removed'; name: string }
	| { type: 'changed'; name: string; field: string; from: string; to: string };

/** The fields compared, in the order changes are listed; the note is private prose, not a change. */
export const COMPARED_FIELDS = ['closeness', 'quality', 'sphere', 'type', 'direction'] as const;

const key = (t: Tie) => (t.name ?? '').trim().toLowerCase();

export function mapChanges(
	before: { ties: Tie[]; subject: MapSubject },
	after: { ties: Tie[]; subject: MapSubject }
): MapChange[] {
	const changes: MapChange[] = [];
	if (before.subject !== after.subject) {
		changes.push({ type: 'subject', from: before.subject, to: after.subject });
	}
	const left = new Map<string, Tie[]>();
	for (const t of before.ties) left.set(key(t), [...(left.get(key(t)) ?? []), t]);
	for (const t of after.ties) {
		const old = left.get(key(t))?.shift();
		if (!old) {
			changes.push({ type: 'added', name: t.name });
			continue;
		}
		for (const field of COMPARED_FIELDS) {
			if ((old[field] ?? '') !== (t[field] ?? '')) {
				changes.push({ type: 'changed', name: t.name, field, from: old[field], to: t[field] });
			}
		}
	}
	for (const rest of left.values()) {
		for (const t of rest) changes.push({ type: 'removed', name: t.name });
	}
	return changes;
}
