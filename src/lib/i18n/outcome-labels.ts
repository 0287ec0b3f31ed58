import * as m from '#lib/paraglide/messages.js';

/* Labels of the pulse questions and their answers, shared by the form, tables and charts. */

const items: Record<string, () => string> = {
	useful: () => m.pulse_useful(),
	pace: () => m.pulse_pace(),
	ableToPass: () => m.pulse_pass(),
	safeToShare: () => m.pulse_safe()
};

export const pulseItemLabel = (item: string) => (items[item] ?? items.useful)();

const useful = [
	m.pulse_useful_1,
	m.pulse_useful_2,
	m.pulse_useful_3,
	m.pulse_useful_4,
	m.pulse_useful_5
];
const pace = [m.pulse_pace_1, m.pulse_pace_2, m.pulse_pace_3];
const agree = [
	m.likert_agree_1,
	m.likert_agree_2,
	m.likert_agree_3,
	m.likert_agree_4,
	m.likert_agree_5
];

export function pulseValueLabel(item: string, value: number): string {
	const list = item === 'useful' ? useful : item === 'pace' ? pace : agree;
	return (list[value - 1] ?? (() => String(value)))();
}

export const likertLabels = () => agree.map((f) => f());
