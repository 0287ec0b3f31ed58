import * as m from '#lib/paraglide/messages.js';
import type { Sharing, WorkbookKind } from '#lib/workbook/kinds.ts';

const kinds: Record<WorkbookKind, () => string> = {
	'strengths-profile': m.workbook_kind_strengths_profile,
	'strength-spotting': m.workbook_kind_strength_spotting,
	'map-tie': m.workbook_kind_map_tie,
	experience: m.workbook_kind_experience,
	'care-plan': m.workbook_kind_care_plan,
	reflection: m.workbook_kind_reflection
};
export const kindLabel = (k: string) => (kinds[k as WorkbookKind] ?? m.workbook_kind_reflection)();

const hints: Record<WorkbookKind, () => string> = {
	'strengths-profile': m.workbook_hint_strengths_profile,
	'strength-spotting': m.workbook_hint_strength_spotting,
	'map-tie': m.workbook_hint_map_tie,
	experience: m.workbook_hint_experience,
	'care-plan': m.workbook_hint_care_plan,
	reflection: m.workbook_hint_reflection
};
export const kindHint = (k: string) => (hints[k as WorkbookKind] ?? m.workbook_hint_reflection)();

const fields: Record<string, () => string> = {
	domain: m.workbook_f_domain,
	now: m.workbook_f_now,
	wish: m.workbook_f_wish,
	strengths: m.workbook_f_strengths,
	helped: m.workbook_f_helped,
	date: m.workbook_f_date,
	name: m.workbook_f_name,
	type: m.workbook_f_type,
	sphere: m.workbook_f_sphere,
	closeness: m.workbook_f_closeness,
	quality: m.workbook_f_quality,
	direction: m.workbook_f_direction,
	note: m.workbook_f_note,
	experience: m.workbook_f_experience,
	learned: m.workbook_f_learned,
	helps: m.workbook_f_helps,
	difficult: m.workbook_f_difficult,
	basis: m.workbook_f_basis,
	goal: m.workbook_f_goal,
	steps: m.workbook_f_steps,
	whoHelps: m.workbook_f_who_helps,
	support: m.workbook_f_support
};
/** Whom a community map describes, as shown with the map. */
export const mapSubjectLabel = (s: string) =>
	s === 'fictional' ? m.workbook_map_about_fictional() : m.workbook_map_about_self();

/** A field's label; the same field name reads differently in some kinds. */
export function fieldLabel(kind: string, field: string): string {
	if (field === 'text') {
		return kind === 'strength-spotting' ? m.workbook_f_spotted() : m.workbook_f_reflection();
	}
	if (field === 'wish' && kind === 'care-plan') return m.workbook_f_care_wish();
	return (fields[field] ?? m.workbook_f_note)();
}

const options: Record<string, () => string> = {
	'daily-living': m.workbook_domain_daily_living,
	'work-learning': m.workbook_domain_work_learning,
	leisure: m.workbook_domain_leisure,
	relationships: m.workbook_domain_relationships,
	health: m.workbook_domain_health,
	finances: m.workbook_domain_finances,
	meaning: m.workbook_domain_meaning,
	person: m.workbook_type_person,
	group: m.workbook_type_group,
	place: m.workbook_type_place,
	resource: m.workbook_type_resource,
	being: m.workbook_sphere_being,
	doing: m.workbook_sphere_doing,
	becoming: m.workbook_sphere_becoming,
	belonging: m.workbook_sphere_belonging,
	supportive: m.workbook_quality_supportive,
	stressful: m.workbook_quality_stressful,
	weak: m.workbook_quality_weak,
	both: m.workbook_direction_both,
	one: m.workbook_direction_one,
	fictional: m.workbook_basis_fictional,
	'own-work': m.workbook_basis_own_work,
	yes: m.workbook_yes
};
const closeness: Record<string, () => string> = {
	'1': m.workbook_closeness_1,
	'2': m.workbook_closeness_2,
	'3': m.workbook_closeness_3
};
/** The label of a stored value: a choice is shown by its label, free text as written. */
export function valueLabel(field: string, value: string): string {
	if (field === 'closeness') return (closeness[value] ?? (() => value))();
	if (['domain', 'type', 'sphere', 'quality', 'direction', 'basis', 'difficult'].includes(field)) {
		return (options[value] ?? (() => value))();
	}
	return value;
}

const sharing: Record<Sharing, () => string> = {
	private: m.workbook_sharing_private,
	facilitators: m.workbook_sharing_facilitators,
	cohort: m.workbook_sharing_cohort
};
export const sharingLabel = (s: string) => (sharing[s as Sharing] ?? m.workbook_sharing_private)();
const status: Record<Sharing, () => string> = {
	private: m.workbook_status_private,
	facilitators: m.workbook_status_facilitators,
	cohort: m.workbook_status_cohort
};
export const sharingStatus = (s: string) => (status[s as Sharing] ?? m.workbook_status_private)();
