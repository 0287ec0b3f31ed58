import { defineConfig } from '@playwright/test';

/*
 * End-to-end tests run against the built app (`node scripts/start.js`) in Debian's Chromium.
 * Each instance runs on a fresh embedded PostgreSQL of its own (tests/support/start-ephemeral.ts).
 * Two app instances: "mail" delivers through a real SMTP peer on loopback; "outbox" has no
 * SMTP, as in the zero-setup demo, so sign-in links are read in the admin outbox.
 */
// E2E_PORT_OFFSET moves the shared servers, so that two checkouts can run suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const port = (n: number) => String(n + offset);
export const MAIL_APP = `http://127.0.0.1:${port(4173)}`;
export const OUTBOX_APP = `http://127.0.0.1:${port(4174)}`;
export const SMTP_SINK = `http://127.0.0.1:${port(4926)}`;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const common = {
	HOST: '127.0.0.1',
	LOG_LEVEL: 'warn',
	RATE_LIMIT_SCALE: '100',
	SHUTDOWN_TIMEOUT: '3'
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: MAIL_APP,
		headless: true,
		launchOptions: {
			executablePath: chromium,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			command: 'node tests/support/smtp-sink-server.ts',
			env: { SMTP_SINK_PORT: port(4925), SMTP_SINK_HTTP_PORT: port(4926) },
			url: `${SMTP_SINK}/healthz`,
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: 'node tests/support/start-ephemeral.ts',
			url: `${MAIL_APP}/healthz`,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			reuseExistingServer: false,
			timeout: 90_000,
			env: { ...common, PORT: port(4173), SMTP_URL: `smtp://127.0.0.1:${port(4925)}` }
		},
		{
			command: 'node tests/support/start-ephemeral.ts',
			url: `${OUTBOX_APP}/healthz`,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			reuseExistingServer: false,
			timeout: 90_000,
			env: { ...common, PORT: port(4174) }
		}
	]
});
