import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { workerPort } from '../../playwright.config.ts';

/*
 * A real full disk: the app's data directory on a small tmpfs, then a file fills it. Mounting
 * needs root (CI here runs as root); on a machine where that is not allowed, the test says so
 * and is skipped rather than faking a full disk.
 */
const PORT = workerPort(4188);
// Named after the port, so that another checkout's suite mounts a tmpfs of its own.
const MNT = `/tmp/trellis-disk-full-e2e-${PORT}`;
const ORIGIN = `http://127.0.0.1:${PORT}`;

function mountTmpfs(): string | undefined {
	try {
		mkdirSync(MNT, { recursive: true });
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', MNT], { stdio: 'ignore' });
		return undefined;
	} catch (e) {
		return (e as Error).message;
	}
}

test('a full disk: writes get a clear 503 in the person’s language, reading goes on, /healthz says so, and it heals when space is freed', async ({
	request
}) => {
	test.setTimeout(120_000);
	const cannot = mountTmpfs();
	test.skip(!!cannot, `cannot mount a tmpfs here: ${cannot}`);
	let out = '';
	const app = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(PORT),
			APP_ORIGIN: ORIGIN,
			DATA_DIR: `${MNT}/data`,
			LOG_LEVEL: 'info',
			SHUTDOWN_TIMEOUT: '3'
		}
	});
	app.stdout.on('data', (d) => (out += d));
	app.stderr.on('data', (d) => (out += d));
	const exited = new Promise((r) => app.on('exit', r));
	try {
		await expect.poll(() => out, { timeout: 60_000 }).toContain('Trellis is running');
		// Leave 20 MB: below the 64 MB the app keeps for PostgreSQL's own log.
		const s = statfsSync(MNT);
		const fill = Math.floor((s.bavail * s.bsize) / 1024 / 1024) - 20;
		execFileSync('fallocate', ['-l', `${fill}M`, `${MNT}/filler`]);
		await expect
			.poll(async () => (await request.get(`${ORIGIN}/healthz`)).status(), { timeout: 5_000 })
			.toBe(503);
		expect(await (await request.get(`${ORIGIN}/healthz`)).json()).toEqual({
			status: 'unavailable',
			db: 'embedded',
			reason: 'no space left'
		});
		const write = await request.post(`${ORIGIN}/sign-in?/password`, {
			headers: { origin: ORIGIN, cookie: 'trellis_locale=cs' },
			form: { email: 'jana@example.org', password: 'recovery-demo-2026' }
		});
		expect(write.status()).toBe(503);
		expect(write.headers()['retry-after']).toBe('120');
		expect(await write.text()).toContain('Na serveru došlo místo na disku');
		const read = await request.get(`${ORIGIN}/courses/recovery-oriented-practice`);
		expect(read.status()).toBe(200);

		rmSync(`${MNT}/filler`);
		await expect
			.poll(async () => (await request.get(`${ORIGIN}/healthz`)).status(), { timeout: 30_000 })
			.toBe(200);
		const again = await request.post(`${ORIGIN}/api/auth/sign-in/email`, {
			headers: { origin: ORIGIN },
			data: { email: 'jana@example.org', password: 'recovery-demo-2026' }
		});
		expect(again.status()).toBe(200);
		// Said once, not once per request.
		expect(out.match(/no space left on the database disk/g)).toHaveLength(1);
	} finally {
		app.kill('SIGTERM');
		await exited;
		execFileSync('umount', ['-l', MNT], { stdio: 'ignore' });
		rmSync(MNT, { recursive: true, force: true });
	}
});
