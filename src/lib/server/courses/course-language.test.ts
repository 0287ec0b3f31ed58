import { describe, expect, it } from 'vitest';
import { termPattern } from './course-language.ts';

describe(termPattern.name, () => {
	it('matches every form of a stem, in any case', () => {
		for (const form of ['narkoman', 'Narkomani', 'narkomanů', 'narkomany']) {
			expect(termPattern('narkoman*').test(`Byli to ${form}.`)).toBe(true);
		}
	});
	it('matches whole words only', () => {
		expect(termPattern('psychotik*').test('psychotická zkušenost')).toBe(false);
		expect(termPattern('insane').test('insanely')).toBe(false);
		expect(termPattern('наркоман*').test('нарко')).toBe(false);
	});
	it('finds a phrase across a line break', () => {
		expect(termPattern('психічно хвор*').test('для психічно\nхворих людей')).toBe(true);
	});
	it('treats the other characters of an entry literally', () => {
		expect(termPattern('a.b').test('axb')).toBe(false);
		expect(termPattern('trauma-informovan*').test('trauma-informovaná péče')).toBe(true);
		expect(termPattern('trauma-informovan*').test('traumaXinformovaná')).toBe(false);
	});
});
