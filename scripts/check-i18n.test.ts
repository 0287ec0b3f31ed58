import { describe, expect, it } from 'vitest';
import { checkCatalogs } from './check-i18n.ts';

describe('checkCatalogs', () => {
	const en = { $schema: 'x', hello: 'Hello {name}', bye: 'Bye' };
	it('passes complete catalogues', () => {
		expect(checkCatalogs(en, { cs: { hello: 'Ahoj {name}', bye: 'Nashle' } })).toEqual([]);
	});
	it('reports missing keys, unknown keys and placeholder mismatches', () => {
		expect(checkCatalogs(en, { uk: { hello: 'Привіт {імя}', extra: 'x' } })).toEqual([
			'uk: "hello" has placeholders {} but English has {name}',
			'uk: missing key "bye"',
			'uk: unknown key "extra"'
		]);
	});
});
