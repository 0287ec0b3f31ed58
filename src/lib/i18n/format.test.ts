import { describe, expect, it } from 'vitest';
import { formatTime } from './format.ts';

describe(formatTime.name, () => {
	it('shows the time in the viewer’s zone, not the server’s', () => {
		const at = '2026-12-01T17:05:00Z';
		expect(formatTime(at, 'en-GB', 'Europe/Prague')).toBe('18:05');
		expect(formatTime(at, 'uk', 'Europe/Kyiv')).toBe('19:05');
		expect(formatTime(at, 'cs', 'UTC')).toBe('17:05');
	});
});
