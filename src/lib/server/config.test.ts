import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
	it('defaults to the embedded PostgreSQL in ./data on 127.0.0.1:3000', () => {
		const c = parseConfig({});
		expect(c.DATABASE_URL).toBeUndefined();
		expect(c.DATA_DIR).toBe('./data');
		expect(c.origin).toBe('http://127.0.0.1:3000');
	});
	it('tells someone with an old pglite: URL what to set instead', () => {
		expect(() => parseConfig({ DATABASE_URL: 'pglite:./data' })).toThrow(
			/DATABASE_URL no longer takes pglite:.*set DATA_DIR/
		);
	});
	it('explains every problem in one readable error', () => {
		try {
			parseConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc', SMTP_URL: 'http://mail' });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ConfigError);
			const msg = (e as Error).message;
			expect(msg).toContain('DATABASE_URL must be postgres://');
			expect(msg).toContain('PORT');
			expect(msg).toContain('SMTP_URL must start with smtp://');
		}
	});
	it('requires a secret and a public origin in production', () => {
		expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET.*\n.*APP_ORIGIN/s);
	});
});
