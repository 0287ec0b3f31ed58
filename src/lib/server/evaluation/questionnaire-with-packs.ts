import type { Questionnaire, QuestionnaireText } from '../courses/course-package.schema.ts';
import type { InstrumentPack } from './instrument-pack.schema.ts';
import type { ItemScoring } from './evaluation-summary.ts';

/**
 * The course's questionnaire followed by the items of every enabled instrument pack, as
 * agreement items with ids "<pack>:<item>". Pack items keep their own wording and scale labels.
 */
export function questionnaireWithPacks(
	base: { structure: Questionnaire; text: Record<string, QuestionnaireText> },
	packs: InstrumentPack[]
) {
	const structure: Questionnaire = {
		...base.structure,
		items: [
			...base.structure.items,
			...packs.flatMap((p) =>
				p.items.map((i) => ({
					id: `${p.slug}:${i.id}`,
					kind: 'likert' as const,
					aim: 'understanding' as const
				}))
			)
		]
	};
	const text = (locale: string) => {
		const t = base.text[locale] ?? Object.values(base.text)[0];
		const items = { ...t.items };
		for (const p of packs) {
			for (const i of p.items) {
				items[`${p.slug}:${i.id}`] = { text: i.text[locale] ?? Object.values(i.text)[0] };
			}
		}
		return { ...t, items };
	};
	const labels = (locale: string) =>
		Object.fromEntries(
			packs.map((p) => [p.slug, p.scale.labels[locale] ?? Object.values(p.scale.labels)[0]])
		);
	// How each pack item is scored: its scale's points, and whether it is reverse-keyed.
	const scoring: Record<string, ItemScoring> = Object.fromEntries(
		packs.flatMap((p) => {
			const points = Object.values(p.scale.labels)[0]?.length ?? 5;
			return p.items.map((i) => [`${p.slug}:${i.id}`, { points, reverse: i.reverse }]);
		})
	);
	return { structure, text, labels, packs, scoring };
}
