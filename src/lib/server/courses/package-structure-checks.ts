import { checkVisualTemplate } from './course-visuals.ts';
import {
	INTERACTIVE_KINDS,
	PERSONAL_KINDS,
	type SessionStructure
} from './course-package.schema.ts';
import { checkBreakoutTime, checkSessionMinutes } from './package-timing-checks.ts';

/**
 * A session's structure, whatever the language: its timing, safe drawings, and blocks that
 * each have a lead, a drawing that exists, a unique id, an activity where the kind needs one,
 * a way to pass, and a content note where they ask about people's own lives. The first session
 * opens with the agreements and every later one recalls them.
 */
export function checkSessionStructure(
	where: string,
	folder: string,
	st: SessionStructure,
	templates: Record<string, string>,
	courseMinutes: number
): string[] {
	const errors = checkSessionMinutes(where, st, courseMinutes);
	for (const [vid, template] of Object.entries(templates)) {
		for (const e of checkVisualTemplate(template)) {
			errors.push(`sessions/${folder}/visuals/${vid}.svg ${e}`);
		}
	}
	const ids = new Set<string>();
	for (const b of st.blocks) {
		const at = `${where}: block "${b.id}"`;
		if (!b.lead) errors.push(`${at} has no lead (first, second or both) for the run sheet`);
		if (b.visual && !templates[b.visual]) {
			errors.push(`${at}: visual "${b.visual}" has no file visuals/${b.visual}.svg`);
		}
		if (ids.has(b.id)) errors.push(`${at} appears twice`);
		ids.add(b.id);
		if (INTERACTIVE_KINDS.has(b.kind) && !b.activity) {
			errors.push(`${at} is ${b.kind} but has no activity definition`);
		}
		if (b.activity && b.activity.passable !== true) {
			errors.push(`${at}: every activity must be passable (passable: true)`);
		}
		errors.push(...checkBreakoutTime(at, b));
		if (b.activity?.type === 'check-in' && b.activity.mode === 'scale' && !b.activity.scaleMax) {
			errors.push(`${at}: a scale check-in needs scaleMax`);
		}
		if (PERSONAL_KINDS.has(b.kind) && !b.contentNote) {
			errors.push(
				`${at} is ${b.kind}, which asks about people's own lives: it needs contentNote: true`
			);
		}
	}
	if (st.number === 1) {
		const firstTwo = st.blocks.slice(0, 2).map((b) => b.kind);
		if (!firstTwo.includes('agreements')) {
			errors.push(`${where}: session 1 must open with the session agreements`);
		}
	} else if (!st.blocks.some((b) => b.recallAgreements)) {
		errors.push(
			`${where}: sessions after the first must recall the agreements (recallAgreements: true on a block)`
		);
	}
	return errors;
}
