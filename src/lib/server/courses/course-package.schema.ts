import { z } from 'zod';

export const BLOCK_KINDS = [
	'check-in',
	'agreements',
	'input',
	'reflection',
	'pair-exercise',
	'group-exercise',
	'plenary',
	'break',
	'closing-round',
	'between-session-task'
] as const;

/** Who leads a block: the cohort's first facilitator, the second, or both together. */
export const LEADS = ['first', 'second', 'both'] as const;
export type Lead = (typeof LEADS)[number];

/** Kinds the live room runs as an activity; they must define one. */
export const INTERACTIVE_KINDS = new Set([
	'check-in',
	'pair-exercise',
	'group-exercise',
	'plenary',
	'closing-round'
]);

/**
 * Kinds that ask people about their own life, feelings or situation on every day of a course,
 * so each such block carries a content note (the same kinds get one on every day).
 */
export const PERSONAL_KINDS = new Set([
	'check-in',
	'reflection',
	'pair-exercise',
	'group-exercise',
	'closing-round',
	'between-session-task'
]);

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');
const passable = z.boolean();

export const activitySchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('check-in'),
		passable,
		mode: z.enum(['word', 'scale']),
		scaleMax: z.number().int().min(3).max(10).optional()
	}),
	z.object({
		type: z.literal('poll'),
		passable,
		multiple: z.boolean(),
		anonymous: z.boolean(),
		options: z.array(id).min(2)
	}),
	z.object({ type: z.literal('word-cloud'), passable, maxWords: z.number().int().min(1).max(5) }),
	z.object({ type: z.literal('open-prompt'), passable, shareable: z.boolean() }),
	z.object({
		type: z.literal('strengths-cards'),
		passable,
		pick: z.number().int().min(1),
		deck: z.array(id).min(2)
	}),
	z.object({
		type: z.literal('breakout'),
		passable,
		groupSize: z.number().int().min(2).max(6),
		minutes: z.number().int().min(1)
	}),
	z.object({ type: z.literal('board'), passable, columns: z.array(id).min(1) }),
	z.object({ type: z.literal('qa'), passable }),
	z.object({ type: z.literal('closing-round'), passable })
]);
export type Activity = z.infer<typeof activitySchema>;

export const blockSchema = z.object({
	id,
	kind: z.enum(BLOCK_KINDS),
	minutes: z.number().int().min(1).max(180),
	contentNote: z.boolean().default(false),
	recallAgreements: z.boolean().default(false),
	activity: activitySchema.optional(),
	/**
	 * Who of the two co-facilitators leads the block on the run sheet: the first, the second
	 * (as the cohort lists them) or both together. course:check requires it on every block.
	 */
	lead: z.enum(LEADS).optional(),
	/** A drawing from the session's visuals/ folder, shown with the block. */
	visual: id.optional(),
	/** A fictional case sheet (the session text's `cases.<id>`) people can open during the block. */
	case: id.optional()
});
export type Block = z.infer<typeof blockSchema>;

const source = z.object({
	citation: z.string().min(1),
	ref: z.string().optional(),
	unverified: z.boolean().default(false)
});

export const sessionSchema = z.object({
	number: z.number().int().min(1),
	minutes: z.number().int().min(1),
	sources: z.array(source).min(1),
	blocks: z.array(blockSchema).min(1)
});
export type SessionStructure = z.infer<typeof sessionSchema>;

export const courseSchema = z.object({
	slug: id,
	sourceLocale: z.string(),
	locales: z.array(z.string()).min(1),
	capacity: z.number().int().min(1).max(100),
	sessionMinutes: z.number().int(),
	sessions: z.array(z.string()).min(1),
	literature: z.array(source.extend({ id, primary: z.boolean().default(false) })).min(1)
});
export type CourseStructure = z.infer<typeof courseSchema>;

const text = z.string().trim().min(1);
/**
 * A translated file's header. A native reviewer who has read the whole file against its
 * source sets status "reviewed" with their name and the date (content/README.md).
 */
const translation = z
	.object({
		status: z.enum(['draft', 'reviewed']),
		sourceHash: z.string().min(6),
		reviewedBy: text.optional(),
		reviewedOn: z.iso.date().optional()
	})
	.refine((t) => t.status !== 'reviewed' || (t.reviewedBy && t.reviewedOn), {
		message: 'a reviewed translation names its reviewer (reviewedBy) and date (reviewedOn)'
	})
	.optional();

export const blockTextSchema = z.object({
	title: text,
	aim: text,
	participant: text,
	contentNote: text.optional(),
	facilitator: z.object({ do: text, timing: text, disclosure: text, coFacilitation: text }),
	activity: z
		.object({
			prompt: text.optional(),
			options: z.record(z.string(), text).optional(),
			cards: z.record(z.string(), text).optional(),
			columns: z.record(z.string(), text).optional(),
			scaleLabels: z.object({ low: text, high: text }).optional()
		})
		.optional()
});
export type BlockText = z.infer<typeof blockTextSchema>;

/** The words of one visual: its title, a text description of the whole, and its labels. */
export const visualTextSchema = z.object({
	title: text,
	description: text,
	labels: z.record(z.string(), text)
});

/** A fictional case: the sheet participants read (Markdown) and the facilitators' notes. */
export const caseTextSchema = z.object({ title: text, sheet: text, notes: text });

export const sessionTextSchema = z.object({
	translation,
	title: text,
	aims: z.array(text).min(1),
	/** The handout's key ideas of the session (course:check requires them). */
	keyIdeas: z.array(text).min(1).optional(),
	whatToExpect: text,
	blocks: z.record(z.string(), blockTextSchema),
	between: z.object({ reading: text, reflection: text, task: text }),
	visuals: z.record(z.string(), visualTextSchema).optional(),
	cases: z.record(z.string(), caseTextSchema).optional(),
	/** Lists the facilitator guide refers to (Day 1's shared question list, Day 4's guiding questions). */
	lists: z.record(z.string(), z.object({ title: text, body: text })).optional()
});
export type SessionText = z.infer<typeof sessionTextSchema>;

export const courseTextSchema = z.object({
	translation,
	title: text,
	subtitle: text,
	summary: text,
	overallGoal: text,
	aims: z.array(text).min(1),
	targetGroup: z.array(text).min(1),
	format: z.array(text).min(1),
	topics: z.array(text).min(1),
	/** Guidance for groups that mix professionals, peers and family members (every guide shows it). */
	mixedGroups: text.optional()
});
export type CourseText = z.infer<typeof courseTextSchema>;

const glossaryRendering = z.object({
	use: text,
	match: z.array(text).min(1),
	avoid: z.array(text).default([])
});
export type GlossaryRendering = z.infer<typeof glossaryRendering>;

/**
 * A course's glossary (glossary.yaml beside course.yaml): how each translation renders the key
 * terms of the source, and how each language marks a claim as unverified.
 */
export const glossarySchema = z.object({
	unverified: z.record(z.string(), text),
	terms: z.array(
		z
			.object({ id, source: z.array(text).min(1), note: text.optional() })
			.catchall(glossaryRendering)
			.transform(({ id, source, note, ...renderings }) => ({
				id,
				source,
				note,
				renderings: renderings as Record<string, GlossaryRendering>
			}))
	)
});
export type Glossary = z.infer<typeof glossarySchema>;

/*
 * The course's pre/post questionnaire (evaluation/questionnaire.yaml): knowledge items with
 * their correct option, 1–5 agreement items, and open questions. Every item can be skipped.
 */
const evalItemId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case');
export const questionnaireSchema = z.object({
	id: evalItemId,
	version: z.number().int().min(1),
	aims: z.array(z.enum(['understanding', 'interest', 'experience'])).min(1),
	items: z
		.array(
			z.discriminatedUnion('kind', [
				z.object({
					id: evalItemId,
					kind: z.literal('knowledge'),
					aim: z.enum(['understanding', 'interest', 'experience']),
					options: z
						.array(z.string().regex(/^[a-z]$/))
						.min(2)
						.max(6),
					correct: z.string()
				}),
				z.object({
					id: evalItemId,
					kind: z.literal('likert'),
					aim: z.enum(['understanding', 'interest', 'experience'])
				}),
				z.object({
					id: evalItemId,
					kind: z.literal('open'),
					aim: z.enum(['understanding', 'interest', 'experience'])
				})
			])
		)
		.min(1)
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireItem = Questionnaire['items'][number];

export const questionnaireTextSchema = z.object({
	title: z.string().min(1),
	intro: z.string().min(1),
	caveat: z.string().min(1),
	items: z.record(
		z.string(),
		z.object({
			text: z.string().min(1),
			options: z.record(z.string(), z.string().min(1)).optional()
		})
	)
});
export type QuestionnaireText = z.infer<typeof questionnaireTextSchema>;
