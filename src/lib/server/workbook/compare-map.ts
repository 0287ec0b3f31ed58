import type { Db } from '../db/client.ts';
import { mapChanges, type MapChange } from '#lib/workbook/map-changes.ts';
import type { MapSubject } from '#lib/workbook/kinds.ts';
import { readWorkbook } from './read-workbook.ts';

export type ComparedMap = {
	id: string;
	label: string | null;
	at: Date | null;
	subject: MapSubject;
	ties: Record<string, string>[];
};

/**
 * Two of a person's own community maps side by side, with what changed between them: a kept
 * snapshot (`from`, the latest unless chosen) and the map now or another snapshot (`to`,
 * 'now' unless chosen). Only the person's own snapshots in this cohort can be chosen; another
 * id is 'not-found'. With no snapshot yet, there is nothing to compare ('no-snapshots').
 */
export async function compareMap(
	db: Db,
	input: { cohortId: string; userId: string; from?: string | null; to?: string | null }
): Promise<
	| {
			ok: true;
			snapshots: { id: string; label: string; at: Date }[];
			from: ComparedMap;
			to: ComparedMap;
			changes: MapChange[];
	  }
	| { ok: false; reason: 'not-found' | 'no-snapshots' }
> {
	const wb = await readWorkbook(db, { ...input, sessionNumber: 2 });
	if (!wb.snapshots.length) return { ok: false, reason: 'no-snapshots' };
	const snap = (id: string): ComparedMap | undefined => {
		const s = wb.snapshots.find((x) => x.id === id);
		return s && { id: s.id, label: s.label, at: s.createdAt, subject: s.subject, ties: s.ties };
	};
	const now: ComparedMap = {
		id: 'now',
		label: null,
		at: null,
		subject: wb.mapSubject,
		ties: wb.entries.filter((e) => e.kind === 'map-tie').map((e) => e.fields)
	};
	const from = input.from ? snap(input.from) : snap(wb.snapshots[wb.snapshots.length - 1].id);
	const to = !input.to || input.to === 'now' ? now : snap(input.to);
	if (!from || !to) return { ok: false, reason: 'not-found' };
	return {
		ok: true,
		snapshots: wb.snapshots.map((s) => ({ id: s.id, label: s.label, at: s.createdAt })),
		from,
		to,
		changes: mapChanges(from, to)
	};
}
