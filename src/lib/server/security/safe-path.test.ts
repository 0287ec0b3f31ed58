import { describe, expect, it } from 'vitest';
import { safePath } from './safe-path.ts';

describe(safePath.name, () => {
	it('keeps same-site paths', () => {
		expect(safePath('/cohorts/1?tab=people#x')).toBe('/cohorts/1?tab=people#x');
	});
	it('falls back to / for anything that could leave the site or break the redirect', () => {
		for (const bad of [
			null,
			'',
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'/\\/evil.example',
			'/a\r\nSet-Cookie: x=1',
			'/a\nb',
			'/a\u0000b',
			'/a\u007fb'
		]) {
			expect(safePath(bad), JSON.stringify(bad)).toBe('/');
		}
	});
});
