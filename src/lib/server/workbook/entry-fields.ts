import { z } from 'zod';
import { optionalText, requiredText } from '#lib/forms/fields.ts';
import {
	CARE_BASIS,
	CLOSENESS,
	DIRECTIONS,
	ENTRY_TEXT_MAX,
	LIFE_DOMAINS,
	SPHERES,
	TIE_QUALITIES,
	TIE_TYPES,
	type WorkbookKind
} from '#lib/workbook/kinds.ts';

const long = optionalText(ENTRY_TEXT_MAX);
const choice = <T extends readonly [string, ...string[]]>(v: T) =>
	z.enum(v, { error: 'error_choice' });
const flag = z
	.string()
	.optional()
	.transform((v) => (v === 'on' || v === 'yes' ? 'yes' : ''));
const isoDate = z
	.string({ error: 'error_required' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'error_date')
	.refine((v) => !Number.isNaN(Date.parse(v)), 'error_date');

/** Each kind's fields; anything else a form sends is dropped, markup and oversize are refused. */
const SCHEMAS: Record<WorkbookKind, z.ZodType<Record<string, string | null>>> = {
	'strengths-profile': z
		.object({
			domain: choice(LIFE_DOMAINS),
			now: long,
			wish: long,
			strengths: long,
			helped: long
		})
		.refine((v) => v.now || v.wish || v.strengths || v.helped, {
			message: 'error_required',
			path: ['now']
		}),
	'strength-spotting': z.object({ date: isoDate, text: requiredText(ENTRY_TEXT_MAX) }),
	'map-tie': z.object({
		name: requiredText(80),
		type: choice(TIE_TYPES),
		sphere: choice(SPHERES),
		closeness: choice(CLOSENESS),
		quality: choice(TIE_QUALITIES),
		direction: choice(DIRECTIONS),
		note: optionalText(280)
	}),
	experience: z.object({
		experience: requiredText(ENTRY_TEXT_MAX),
		learned: long,
		helps: long,
		difficult: flag
	}),
	'care-plan': z.object({
		basis: choice(CARE_BASIS),
		wish: requiredText(ENTRY_TEXT_MAX),
		goal: long,
		steps: long,
		whoHelps: long,
		support: long
	}),
	reflection: z.object({ text: requiredText(ENTRY_TEXT_MAX) })
};

export type EntryFields = Record<string, string>;

/**
 * Checks the fields of an entry of one kind. Empty optional fields are stored as empty
 * strings, so every stored entry has every field of its kind.
 */
export function parseEntryFields(
	kind: WorkbookKind,
	raw: Record<string, unknown>
): { ok: true; fields: EntryFields } | { ok: false; errors: Record<string, string> } {
	const result = SCHEMAS[kind].safeParse(raw);
	if (!result.success) {
		const errors: Record<string, string> = {};
		for (const i of result.error.issues) {
			errors[String(i.path[0] ?? 'form')] ??= i.message.startsWith('error_')
				? i.message
				: 'error_required';
		}
		return { ok: false, errors };
	}
	const fields: EntryFields = {};
	for (const [k, v] of Object.entries(result.data)) fields[k] = v ?? '';
	return { ok: true, fields };
}
