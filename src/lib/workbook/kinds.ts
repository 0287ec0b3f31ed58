/*
 * The workbook's tools, shared by the server (validation, export) and the pages (forms). Each
 * session offers its own tools and a free reflection on its reflection question.
 */
export const WORKBOOK_KINDS = [
	'strengths-profile',
	'strength-spotting',
	'map-tie',
	'experience',
	'care-plan',
	'reflection'
] as const;
export type WorkbookKind = (typeof WORKBOOK_KINDS)[number];

export const SESSION_KINDS: Record<number, WorkbookKind[]> = {
	1: ['strengths-profile', 'strength-spotting', 'reflection'],
	2: ['map-tie', 'reflection'],
	3: ['experience', 'reflection'],
	4: ['care-plan', 'reflection']
};
export const SESSION_NUMBERS = [1, 2, 3, 4] as const;

/*
 * A suggested list of life domains, not the CARe Personal Profile's own list: no source names
 * that list (unverified; shared/docs/domain.md §1.5). Pages say so next to the profile.
 */
export const LIFE_DOMAINS = [
	'daily-living',
	'work-learning',
	'leisure',
	'relationships',
	'health',
	'finances',
	'meaning'
] as const;

export const TIE_TYPES = ['person', 'group', 'place', 'resource'] as const;
export const SPHERES = ['being', 'doing', 'becoming', 'belonging'] as const;
export const CLOSENESS = ['1', '2', '3'] as const;
export const TIE_QUALITIES = ['supportive', 'stressful', 'weak'] as const;
export const DIRECTIONS = ['both', 'one'] as const;
export const CARE_BASIS = ['fictional', 'own-work'] as const;
/* Whom the community map describes: the course lets each person map themself or a fictional person. */
export const MAP_SUBJECTS = ['self', 'fictional'] as const;
export type MapSubject = (typeof MAP_SUBJECTS)[number];
export const SHARING = ['private', 'facilitators', 'cohort'] as const;
export type Sharing = (typeof SHARING)[number];

/** The text fields of each kind, in the order forms, pages and exports show them. */
export const KIND_FIELDS: Record<WorkbookKind, string[]> = {
	'strengths-profile': ['domain', 'now', 'wish', 'strengths', 'helped'],
	'strength-spotting': ['date', 'text'],
	'map-tie': ['name', 'type', 'sphere', 'closeness', 'quality', 'direction', 'note'],
	experience: ['experience', 'learned', 'helps', 'difficult'],
	'care-plan': ['basis', 'wish', 'goal', 'steps', 'whoHelps', 'support'],
	reflection: ['text']
};

export const ENTRY_TEXT_MAX = 4000;
