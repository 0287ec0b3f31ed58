import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { email, optionalText, parseForm, password, requiredText } from './fields.ts';

const schema = z.object({ name: requiredText(80), pronouns: optionalText(40), email, password });
function form(values: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

describe('parseForm', () => {
	it('accepts good input and normalises it', () => {
		const r = parseForm(
			schema,
			form({ name: ' Jana ', pronouns: '', email: 'Jana@Example.org', password: 'long-enough-pw' })
		);
		expect(r).toEqual({
			ok: true,
			data: { name: 'Jana', pronouns: null, email: 'jana@example.org', password: 'long-enough-pw' }
		});
	});
	it('names one problem per field and keeps what was typed, except passwords', () => {
		const r = parseForm(
			schema,
			form({ name: '', pronouns: 'x'.repeat(10_000), email: 'not-an-email', password: 'short' })
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			name: 'error_required',
			pronouns: 'error_too_long:40',
			email: 'error_email',
			password: 'error_password_short:10'
		});
		expect(r.values.email).toBe('not-an-email');
		expect(r.values.password).toBeUndefined();
	});
	it('refuses markup in names', () => {
		const r = parseForm(
			schema,
			form({ name: '<script>alert(1)</script>', email: 'a@b.org', password: 'long-enough-pw' })
		);
		expect(r.ok || r.errors.name).toBe('error_markup');
	});
	it('treats a missing field as required', () => {
		const r = parseForm(schema, form({}));
		expect(r.ok || r.errors.email).toBe('error_required');
	});
});
