import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

/*
 * End-to-end tests run against the built app (`node scripts/start.js`) in Debian's Chromium.
 * Each instance runs on a fresh embedded PostgreSQL of its own (tests/support/start-ephemeral.ts).
 * Two app instances: "mail" delivers through a real SMTP peer on loopback; "outbox" has no
 * SMTP, as in the zero-setup demo, so sign-in links are read in the admin outbox.
 *
 * Test files run in WORKERS parallel workers. Each worker has a set of servers of its own (the
 * two app instances and the SMTP sink, ports moved by SLOT_PORTS per worker), so that no test
 * ever sees data another worker's tests change at the same time: the demo people's passwords
 * and second factors, the organisation's settings, rate limits and the demo group stay as
 * each file's tests expect, as they did when all files ran one after another.
 */
// E2E_PORT_OFFSET moves the shared servers, so that two checkouts can run suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const WORKERS = 3;
const SLOT_PORTS = 100;
// Set by Playwright in each worker process (0 … WORKERS-1); the runner itself is slot 0.
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
/** Port `n` moved by the offset and, for the servers of a worker, by its slot. */
export const port = (n: number, s = 0) => String(n + offset + s * SLOT_PORTS);
const app = (n: number, s: number) => `http://127.0.0.1:${port(n, s)}`;
export const MAIL_APP = app(4173, slot);
export const OUTBOX_APP = app(4174, slot);
export const SMTP_SINK = app(4926, slot);
/** Port `n` for a server a test starts itself, moved like this worker's servers. */
export const workerPort = (n: number) => Number(port(n, slot));

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const common = {
	HOST: '127.0.0.1',
	LOG_LEVEL: 'warn',
	RATE_LIMIT_SCALE: '100',
	SHUTDOWN_TIMEOUT: '3'
};

type WebServer = NonNullable<PlaywrightTestConfig['webServer']> & { command: string };

function serversOf(s: number): WebServer[] {
	return [
		{
			command: 'node tests/support/smtp-sink-server.ts',
			env: { SMTP_SINK_PORT: port(4925, s), SMTP_SINK_HTTP_PORT: port(4926, s) },
			url: `${app(4926, s)}/healthz`,
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: 'node tests/support/start-ephemeral.ts',
			url: `${app(4173, s)}/healthz`,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			reuseExistingServer: false,
			timeout: 120_000,
			env: { ...common, PORT: port(4173, s), SMTP_URL: `smtp://127.0.0.1:${port(4925, s)}` }
		},
		{
			command: 'node tests/support/start-ephemeral.ts',
			url: `${app(4174, s)}/healthz`,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
			reuseExistingServer: false,
			timeout: 120_000,
			env: { ...common, PORT: port(4174, s) }
		}
	];
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	workers: WORKERS,
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
	webServer: Array.from({ length: WORKERS }, (_, s) => serversOf(s)).flat()
});
