// Fills one participant's workbook for the benchmark through the workbook's own use case.
import { randomUUID } from 'node:crypto';
import { openDb } from '../../src/lib/server/db/client.ts';
import { addEntry } from '../../src/lib/server/workbook/add-entry.ts';

const TEXT =
	'Heute habe ich bemerkt — dnes jsem si všiml(a) — сьогодні я помітив(-ла), how a small step helped. ';

export async function seedWorkbook(
	databaseUrl: string,
	who: { cohortId: string; userId: string },
	entries: number
): Promise<void> {
	const h = await openDb(databaseUrl);
	try {
		for (let i = 0; i < entries; i++) {
			const session = (i % 4) + 1;
			const tie = session === 2 && i % 20 === 1;
			const kind = tie
				? 'map-tie'
				: session === 1
					? 'strength-spotting'
					: session === 3
						? 'experience'
						: 'reflection';
			const fields = tie
				? {
						name: `Tie ${i}`,
						type: 'person',
						sphere: ['being', 'doing', 'becoming', 'belonging'][i % 4],
						closeness: String((i % 3) + 1),
						quality: ['supportive', 'stressful', 'weak'][i % 3],
						direction: i % 2 ? 'both' : 'one'
					}
				: session === 1
					? { date: '2026-11-20', text: TEXT.repeat(3) }
					: session === 3
						? { experience: TEXT.repeat(3), learned: TEXT, helps: TEXT }
						: { text: TEXT.repeat(4) };
			const r = await addEntry(h.db, {
				id: randomUUID(),
				cohortId: who.cohortId,
				userId: who.userId,
				sessionNumber: session,
				kind,
				fields
			});
			if (!r.ok) throw new Error(`seeding the workbook: ${r.reason}`);
		}
	} finally {
		await h.close();
	}
}
