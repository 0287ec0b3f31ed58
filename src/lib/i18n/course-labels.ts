import * as m from '#lib/paraglide/messages.js';

const kinds: Record<string, () => string> = {
	'check-in': m.kind_check_in,
	agreements: m.kind_agreements,
	input: m.kind_input,
	reflection: m.kind_reflection,
	'pair-exercise': m.kind_pair_exercise,
	'group-exercise': m.kind_group_exercise,
	plenary: m.kind_plenary,
	break: m.kind_break,
	'closing-round': m.kind_closing_round,
	'between-session-task': m.kind_between_session_task
};
const activities: Record<string, () => string> = {
	'check-in': m.activity_check_in,
	poll: m.activity_poll,
	'word-cloud': m.activity_word_cloud,
	'open-prompt': m.activity_open_prompt,
	'strengths-cards': m.activity_strengths_cards,
	breakout: m.activity_breakout,
	board: m.activity_board,
	qa: m.activity_qa,
	'closing-round': m.activity_closing_round
};

export const kindLabel = (k: string) => (kinds[k] ?? (() => k))();
export const activityLabel = (k: string) => (activities[k] ?? (() => k))();

const leads: Record<string, () => string> = {
	first: m.lead_first,
	second: m.lead_second,
	both: m.lead_both
};
/** Who leads a block, in general terms (the run sheet names the cohort's facilitators). */
export const leadLabel = (k: string) => (leads[k] ?? (() => k))();
