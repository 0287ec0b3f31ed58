import { describe, expect, it } from 'vitest';
import { carriesNul } from './input-guard.ts';

const req = (body: string, type: string, method = 'POST') =>
	new Request('http://x/a', { method, body, headers: { 'content-type': type } });

describe(carriesNul.name, () => {
	it('finds a NUL in urlencoded forms, multipart forms and JSON, however it is written', async () => {
		expect(await carriesNul(req('word=a%00b', 'application/x-www-form-urlencoded'))).toBe(true);
		expect(await carriesNul(req('{"text":"a\\u0000b"}', 'application/json'))).toBe(true);
		const fd = new FormData();
		fd.set('text', 'a\u0000b');
		expect(await carriesNul(new Request('http://x/a', { method: 'POST', body: fd }))).toBe(true);
	});
	it('lets ordinary text through, other control characters and %25 00 included', async () => {
		expect(
			await carriesNul(req('word=a%0Ab%09c&x=%2500', 'application/x-www-form-urlencoded'))
		).toBe(false);
		expect(await carriesNul(req('{"text":"naděje \\n"}', 'application/json'))).toBe(false);
		expect(await carriesNul(new Request('http://x/a'))).toBe(false);
	});
});
