import { defineConfig } from '@playwright/test';
import base, { port } from './playwright.config.ts';

/*
 * The multi-instance browser test: two app instances on one PostgreSQL database (see
 * tests/support/two-instances.ts). Run by `npm run test:e2e:pg` and by .ci/run. Its ports move
 * with E2E_PORT_OFFSET like the main suite's.
 */
export const INSTANCE_A = `http://127.0.0.1:${port(4183)}`;
export const INSTANCE_B = `http://127.0.0.1:${port(4184)}`;

export default defineConfig({
	...base,
	testDir: 'tests/e2e-pg',
	// One spec file on one pair of instances.
	workers: 1,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright-pg.json' }]],
	use: { ...base.use, baseURL: INSTANCE_A },
	webServer: [
		{
			command: 'node tests/support/two-instances.ts',
			url: `${INSTANCE_B}/healthz`,
			reuseExistingServer: false,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			timeout: 120_000,
			env: { INSTANCE_A_PORT: port(4183), INSTANCE_B_PORT: port(4184) }
		}
	]
});
