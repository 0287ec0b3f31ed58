import { z } from 'zod';

/*
 * Form field schemas shared by server actions and pages. Issue messages are message keys
 * (optionally "key:number") that the page renders in the viewer's language; see
 * i18n/error-text.ts.
 */

const NO_MARKUP = /^[^<>]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths and hidden fields are checked before they reach a query (a 404, not a 500). */
export const isUuid = (v: string) => UUID.test(v);

export const requiredText = (max: number) =>
	z
		.string({ error: 'error_required' })
		.trim()
		.min(1, 'error_required')
		.max(max, `error_too_long:${max}`)
		.regex(NO_MARKUP, 'error_markup');

export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `error_too_long:${max}`)
		.regex(NO_MARKUP, 'error_markup')
		.transform((v) => (v === '' ? null : v))
		.nullable()
		.default(null);

export const email = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, 'error_required')
	.max(254, 'error_too_long:254')
	.pipe(z.email('error_email'))
	.transform((v) => v.toLowerCase());

export const PASSWORD_MIN = 10;
export const password = z
	.string({ error: 'error_required' })
	.min(1, 'error_required')
	.min(PASSWORD_MIN, `error_password_short:${PASSWORD_MIN}`)
	.max(200, 'error_too_long:200');

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form. On failure it returns the first problem per field and the
 * submitted values (passwords left out) so the page can show them back: nothing typed is lost.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.infer<S>> {
	const raw: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') raw[k] = v;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.startsWith('error_') ? issue.message : 'error_required';
	}
	const values = Object.fromEntries(
		Object.entries(raw)
			.filter(([k]) => !/password/i.test(k))
			.map(([k, v]) => [k, v.slice(0, 20_000)])
	);
	return { ok: false, errors, values };
}
