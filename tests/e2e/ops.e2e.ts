import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('/healthz reports the database kind', async ({ request }) => {
	const r = await request.get('/healthz');
	expect(r.status()).toBe(200);
	expect(await r.json()).toEqual({ status: 'ok', db: 'embedded' });
});

function start(
	dir: string,
	port: number
): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
	let out = '';
	const proc = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			DATA_DIR: dir,
			LOG_LEVEL: 'warn',
			SHUTDOWN_TIMEOUT: '3'
		}
	});
	proc.stdout?.on('data', (d) => (out += d));
	proc.stderr?.on('data', (d) => (out += d));
	const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
	return { proc, output: () => out, exited };
}

test('a second start on the same data directory exits with a clear message; the first keeps serving', async () => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
	const first = start(dir, 4180);
	try {
		await expect.poll(() => first.output(), { timeout: 60_000 }).toContain('Trellis is running');
		expect(first.output()).toContain('admin@example.org');
		const second = start(dir, 4181);
		const code = await second.exited;
		expect(code).toBe(1);
		expect(second.output()).toContain('already in use by another Trellis process');
		const r = await fetch('http://127.0.0.1:4180/healthz');
		expect(r.status).toBe(200);
	} finally {
		first.proc.kill('SIGTERM');
		const code = await first.exited;
		expect(code).toBe(0);
		rmSync(dir, { recursive: true, force: true });
	}
});
