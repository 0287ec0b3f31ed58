import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
	it('defaults to embedded PGlite on 127.0.0.1:3000', () => {
		const c = parseConfig({});
		expect(c.DATABASE_URL).toBe('pglite:./data');
		expect(c.origin).toBe('http://127.0.0.1:3000');
	});
	it('explains every problem in one readable error', () => {
		try {
			parseConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc', SMTP_URL: 'http://mail' });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ConfigError);
			const msg = (e as Error).message;
			expect(msg).toContain('DATABASE_URL must be pglite:');
			expect(msg).toContain('PORT');
			expect(msg).toContain('SMTP_URL must start with smtp://');
		}
	});
	it('requires a secret and a public origin in production', () => {
		expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET.*\n.*APP_ORIGIN/s);
	});
});
