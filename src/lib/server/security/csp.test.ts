import { describe, expect, it } from 'vitest';
import { allowVideoServer } from './csp.ts';

const KIT =
	"default-src 'self'; script-src 'self' 'nonce-abc123'; style-src 'self' 'unsafe-inline'; frame-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe('content security policy for the live room', () => {
	it('allows the configured video server to load its script and be framed, nothing more', () => {
		const csp = allowVideoServer(KIT, 'https://meet.example.org');
		expect(csp).toContain("script-src 'self' 'nonce-abc123' https://meet.example.org;");
		expect(csp).toContain('frame-src https://meet.example.org;');
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain("frame-src 'none'");
	});

	it('ignores anything that is not a plain https origin', () => {
		for (const bad of [
			'http://meet.example.org',
			"https://meet.example.org; script-src 'unsafe-inline'",
			'https://meet.example.org/path',
			'*',
			''
		]) {
			expect(allowVideoServer(KIT, bad)).toBe(KIT);
		}
	});
});
