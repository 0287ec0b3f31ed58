import { parse } from 'yaml';
import { z } from 'zod';

/*
 * A published instrument an admin loads (ADR 023): items, scale, scoring, citation and licence
 * note, in YAML. Trellis ships no pack: item wording of published scales needs the holder's
 * permission, which the admin confirms in the app before the pack is used.
 */
const text = z.record(z.string(), z.string().min(1).max(500));

export const instrumentPackSchema = z.object({
	slug: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
	name: z.string().min(1).max(200),
	citation: z.string().min(1).max(1000),
	licence: z.string().min(1).max(1000),
	scoring: z.string().min(1).max(2000),
	/*
	 * Agreement-type answers 1–N (N from 2 to 11) with a label for each point, per language;
	 * every language has the same number of points, so answers mean the same in each.
	 */
	scale: z.object({
		labels: z
			.record(z.string(), z.array(z.string().min(1)).min(2).max(11))
			.refine((l) => Object.keys(l).length > 0, 'needs labels in at least one language')
			.refine(
				(l) => new Set(Object.values(l).map((x) => x.length)).size <= 1,
				'every language needs the same number of points'
			)
	}),
	items: z
		.array(
			z.object({
				id: z.string().regex(/^[a-z0-9-]{1,40}$/),
				reverse: z.boolean().default(false),
				text
			})
		)
		.min(1)
		.max(60)
});
export type InstrumentPack = z.infer<typeof instrumentPackSchema>;

export function parseInstrumentPack(
	source: string
): { ok: true; pack: InstrumentPack } | { ok: false; problems: string[] } {
	let raw: unknown;
	try {
		raw = parse(source);
	} catch (e) {
		return { ok: false, problems: [(e as Error).message.split('\n')[0]] };
	}
	const r = instrumentPackSchema.safeParse(raw);
	if (!r.success) {
		return {
			ok: false,
			problems: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
		};
	}
	const ids = new Set<string>();
	for (const i of r.data.items) {
		if (ids.has(i.id)) return { ok: false, problems: [`items: "${i.id}" appears twice`] };
		ids.add(i.id);
	}
	return { ok: true, pack: r.data };
}
