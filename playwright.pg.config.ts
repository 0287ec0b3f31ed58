import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/*
 * The multi-instance browser test: two app instances on one PostgreSQL database (see
 * tests/support/two-instances.ts). Run by `npm run test:e2e:pg` and by .ci/run.
 */
export const INSTANCE_A = 'http://127.0.0.1:4183';
export const INSTANCE_B = 'http://127.0.0.1:4184';

export default defineConfig({
	...base,
	testDir: 'tests/e2e-pg',
	reporter: [['list'], ['json', { outputFile: 'reports/playwright-pg.json' }]],
	use: { ...base.use, baseURL: INSTANCE_A },
	webServer: [
		{
			command: 'node tests/support/two-instances.ts',
			url: `${INSTANCE_B}/healthz`,
			reuseExistingServer: false,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			timeout: 120_000
		}
	]
});
